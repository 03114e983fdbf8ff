/* Pattern: a worker pops a request under the lock, then, after
 * unlocking, looks at the request now at the head to prefetch it.
 * Verdict: racy. The popped request is the worker's own, but the list is
 * not: reading `pending->size` without the lock races with the other
 * workers' pops and the producer's pushes.
 */
// class: ownership-transfer
#include <pthread.h>
#include <stdlib.h>

struct req {
    struct req *next;
    int size;
};

struct pool {
    pthread_mutex_t mu;
    struct req *pending;
    long prefetched;
};

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        struct req *r = p->pending;
        if (r == NULL) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        p->pending = r->next;
        pthread_mutex_unlock(&p->mu);
        r->size = 0;
        free(r);
        if (p->pending != NULL)
            p->prefetched += p->pending->size; // expect: CL002
    }
}

int main(void)
{
    static struct pool p = { PTHREAD_MUTEX_INITIALIZER, NULL, 0 };
    for (int i = 0; i < 16; i++) {
        struct req *r = malloc(sizeof *r);
        if (r == NULL)
            return 1;
        r->size = i;
        r->next = p.pending;
        p.pending = r;
    }
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, &p);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
