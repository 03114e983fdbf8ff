/* CL010 positive (a server's control thread): commands arrive on a pipe
 * kept in the server struct; the control thread reads the next command
 * while it holds the server lock, so every request thread that needs the
 * lock waits until someone writes a command.
 */
// class: pipe-io-under-lock
#include <pthread.h>
#include <unistd.h>

struct server {
    pthread_mutex_t lock;
    int cmd_pipe[2];
    int last_cmd;
    int requests;
};

static struct server srv = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void *control(void *arg)
{
    struct server *s = arg;
    char c;
    pthread_mutex_lock(&s->lock);
    if (read(s->cmd_pipe[0], &c, 1) == 1) // expect: CL010 {{'read' can block for long while 's->lock' is held}}
        s->last_cmd = c;
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

static void *request(void *arg)
{
    struct server *s = arg;
    pthread_mutex_lock(&s->lock);
    s->requests++;
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

int main(void)
{
    pthread_t c, r;
    if (pipe(srv.cmd_pipe) != 0)
        return 1;
    pthread_create(&c, NULL, control, &srv);
    pthread_create(&r, NULL, request, &srv);
    write(srv.cmd_pipe[1], "q", 1);
    pthread_join(c, NULL);
    pthread_join(r, NULL);
    return 0;
}
