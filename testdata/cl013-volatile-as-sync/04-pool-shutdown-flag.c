/* CL013 positive: a thread pool object; its workers (started in a loop by
 * pool_start) poll `pool->shutdown`, a volatile bool, between jobs, and
 * pool_destroy() sets it before joining them. The volatile flag is the only
 * thing between the store and the workers' reads.
 */
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

#define NWORKERS 4

struct pool {
    pthread_t tids[NWORKERS];
    volatile bool shutdown; // expect: CL013 {{stored in 'pool_destroy'}} {{read in 'pool_worker'}}
    pthread_mutex_t lock;
    unsigned long done;
};

static void *pool_worker(void *arg)
{
    struct pool *p = arg;
    while (!p->shutdown) {
        pthread_mutex_lock(&p->lock);
        p->done++;
        pthread_mutex_unlock(&p->lock);
        usleep(500);
    }
    return NULL;
}

static void pool_start(struct pool *p)
{
    pthread_mutex_init(&p->lock, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&p->tids[i], NULL, pool_worker, p);
}

static void pool_destroy(struct pool *p)
{
    p->shutdown = true;
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(p->tids[i], NULL);
    pthread_mutex_destroy(&p->lock);
}

int main(void)
{
    static struct pool the_pool;
    struct pool *p = &the_pool;
    pool_start(p);
    sleep(1);
    pool_destroy(p);
    return 0;
}
