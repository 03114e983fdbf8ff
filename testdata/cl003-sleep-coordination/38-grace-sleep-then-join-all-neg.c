/* CL003 negative: after telling the workers to stop, main sleeps for a
 * grace period (to let in-flight requests finish before it logs), then
 * joins every worker in a loop over the handle array and only then reads
 * their per-worker counters. The joins order the reads; the sleep only
 * paces the shutdown.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

#define NW 4

struct conn_worker {
    pthread_t tid;
    int listen_fd;
    unsigned long served;                /* written by its worker only */
};

static atomic_bool stopping;
static struct conn_worker pool[NW];

int serve_one(int listen_fd);            /* net.c: one request, 0 on idle */

static void *worker(void *arg)
{
    struct conn_worker *w = arg;
    while (!atomic_load(&stopping))
        if (serve_one(w->listen_fd) > 0)
            w->served++;
    return NULL;
}

int main(void)
{
    for (int i = 0; i < NW; i++) {
        pool[i].listen_fd = 3;
        if (pthread_create(&pool[i].tid, NULL, worker, &pool[i]) != 0)
            return 1;
    }
    atomic_store(&stopping, 1);
    sleep(1);
    for (int i = 0; i < NW; i++)
        pthread_join(pool[i].tid, NULL);
    unsigned long total = 0;
    for (int i = 0; i < NW; i++)
        total += pool[i].served;
    printf("served %lu\n", total);
    return 0;
}
