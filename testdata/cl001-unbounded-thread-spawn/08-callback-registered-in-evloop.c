/* CL001 positive: on_message() is registered as a callback through
 * evloop_set_handler() and the event loop calls it through a function
 * pointer once per received message. The callback spawns a detached thread
 * per message with no bound.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

typedef void (*msg_handler)(int fd, const char *msg, size_t len);

struct evloop {
    int fd;
    msg_handler handler;
};

static void evloop_set_handler(struct evloop *loop, msg_handler h)
{
    loop->handler = h;
}

static void evloop_run(struct evloop *loop)
{
    char buf[2048];
    for (;;) {
        ssize_t n = recv(loop->fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        loop->handler(loop->fd, buf, (size_t)n);
    }
}

struct reply_job { int fd; size_t len; char msg[]; };

static void *reply_main(void *arg)
{
    struct reply_job *job = arg;
    send(job->fd, job->msg, job->len, MSG_NOSIGNAL);
    free(job);
    return NULL;
}

static void on_message(int fd, const char *msg, size_t len)
{
    struct reply_job *job = malloc(sizeof *job + len);
    pthread_t tid;
    if (job == NULL)
        return;
    job->fd = fd;
    job->len = len;
    memcpy(job->msg, msg, len);
    if (pthread_create(&tid, NULL, reply_main, job) == 0) // expect: CL001
        pthread_detach(tid);
    else
        free(job);
}

void run_echo_bus(int fd)
{
    struct evloop loop = { .fd = fd };
    evloop_set_handler(&loop, on_message);
    evloop_run(&loop);
}
