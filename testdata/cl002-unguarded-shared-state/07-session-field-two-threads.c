/* CL002 positive: fields through the start argument, both sides in spawned
 * threads. A proxy session runs a reader and a writer thread on the same
 * `struct session`. The reader stamps `last_seen` without the session lock;
 * the writer reads it under the lock to decide on keepalives.
 */
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct session {
    pthread_mutex_t lock;                /* guards last_seen, closed */
    int fd;                              /* set before the threads start */
    time_t last_seen;
    int closed;
};

static void *reader_main(void *arg)
{
    struct session *s = arg;
    char buf[4096];
    while (recv(s->fd, buf, sizeof buf, 0) > 0)
        s->last_seen = time(NULL); // expect: CL002
    pthread_mutex_lock(&s->lock);
    s->closed = 1;
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

static void *writer_main(void *arg)
{
    struct session *s = arg;
    for (int i = 0; i < 3600; i++) {
        pthread_mutex_lock(&s->lock);
        int idle = time(NULL) - s->last_seen > 15;
        int closed = s->closed;
        pthread_mutex_unlock(&s->lock);
        if (closed)
            break;
        if (idle)
            send(s->fd, "\0", 1, MSG_NOSIGNAL);
    }
    return NULL;
}

int run_session(int fd)
{
    static struct session s = { .lock = PTHREAD_MUTEX_INITIALIZER };
    pthread_t rd, wr;
    s.fd = fd;
    s.last_seen = time(NULL);
    pthread_create(&rd, NULL, reader_main, &s);
    pthread_create(&wr, NULL, writer_main, &s);
    pthread_join(rd, NULL);
    pthread_join(wr, NULL);
    close(fd);
    return 0;
}
