/* Pattern: a server object owns an array of rings; start_reader(srv, i)
 * initializes ring i and then starts the reader thread on it; the loop
 * counts down.
 * Verdict: race-free. Each ring's fields are written before its reader
 * starts, and each reader touches only its own ring; the later store to
 * `started` is made under the ring's lock, as the reader reads it.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct ring {
    pthread_t tid;
    pthread_mutex_t lock;
    int head, tail, size;
    int started;
};

struct server {
    struct ring *rings;
    int nrings;
};

static void *reader(void *arg)
{
    struct ring *r = arg;
    pthread_mutex_lock(&r->lock);
    int ok = r->started;
    pthread_mutex_unlock(&r->lock);
    if (ok && r->head != r->tail)
        r->tail = (r->tail + 1) % r->size;
    return NULL;
}

static int start_reader(struct server *srv, int n)
{
    struct ring *r = &srv->rings[n];
    pthread_mutex_init(&r->lock, NULL);
    r->head = r->tail = 0;
    r->size = 64;
    if (pthread_create(&r->tid, NULL, reader, r) != 0)
        return -1;
    pthread_mutex_lock(&r->lock);
    r->started = 1;
    pthread_mutex_unlock(&r->lock);
    return 0;
}

int main(void)
{
    struct server srv;
    srv.nrings = 4;
    srv.rings = calloc((size_t)srv.nrings, sizeof *srv.rings);
    if (srv.rings == NULL)
        return 1;
    for (int i = srv.nrings - 1; i >= 0; i--)
        if (start_reader(&srv, i) != 0)
            return 1;
    for (int i = 0; i < srv.nrings; i++)
        pthread_join(srv.rings[i].tid, NULL);
    free(srv.rings);
    return 0;
}
