/* CL012 positive: one argument struct refilled each round of the spawn
 * loop; a slow thread sees the next connection's fields. */
#include <pthread.h>
#include <unistd.h>

struct conn_arg {
    int fd;
    unsigned id;
};

static void *conn_main(void *arg)
{
    struct conn_arg *a = arg;
    char c;
    if (read(a->fd, &c, 1) == 1) // expect: CL002
        write(a->fd, &c, 1);
    close(a->fd);
    return NULL;
}

void start_conns(const int *fds, unsigned n);
void start_conns(const int *fds, unsigned n)
{
    struct conn_arg a;
    pthread_t tid;
    for (unsigned i = 0; i < n; i++) {
        a.fd = fds[i];
        a.id = i;
        if (pthread_create(&tid, NULL, conn_main, &a) == 0) // expect: CL012 {{address of 'a'}}
            pthread_detach(tid);
    }
}
