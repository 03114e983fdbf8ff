/* CL001 positive: the accept loop hands each connection to start_session(),
 * which sets the session up with a goto cleanup ladder (the error handling
 * of mosquitto's and libmicrohttpd's connection setup) and then starts a
 * detached thread. Every error path leaves through the ladder, the success
 * path reaches the spawn, and nothing on it bounds the live threads: the
 * gotos must neither end the walk nor hide the spawn.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct session {
    int fd;
    char *inbuf;
    size_t cap;
};

static void *session_main(void *arg)
{
    struct session *s = arg;
    ssize_t n;
    while ((n = recv(s->fd, s->inbuf, s->cap, 0)) > 0)
        send(s->fd, s->inbuf, (size_t)n, 0);
    close(s->fd);
    free(s->inbuf);
    free(s);
    return NULL;
}

static int start_session(int fd)
{
    pthread_attr_t attr;
    pthread_t tid;
    struct session *s = calloc(1, sizeof *s);
    if (s == NULL)
        goto fail;
    s->fd = fd;
    s->cap = 4096;
    s->inbuf = malloc(s->cap);
    if (s->inbuf == NULL)
        goto fail_session;
    if (pthread_attr_init(&attr) != 0)
        goto fail_buffer;
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    // expect@+1: CL001 {{thread 'session_main' started in 'start_session' for every 'accept' in the loop at line 66 in 'session_acceptor'}}
    if (pthread_create(&tid, &attr, session_main, s) != 0)
        goto fail_attr;
    pthread_attr_destroy(&attr);
    return 0;

fail_attr:
    pthread_attr_destroy(&attr);
fail_buffer:
    free(s->inbuf);
fail_session:
    free(s);
fail:
    return -1;
}

void session_acceptor(int listen_fd)
{
    int fd;
    while ((fd = accept(listen_fd, NULL, NULL)) >= 0) { // expect-related: CL001 {{each 'accept' in this loop starts a thread}}
        if (start_session(fd) != 0) // expect-related: CL001 {{calls 'start_session'}}
            close(fd);
    }
}
