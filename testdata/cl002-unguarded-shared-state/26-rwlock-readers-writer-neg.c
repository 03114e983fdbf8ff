/* CL002 negative: an rwlock used correctly. Lookups only read the table
 * under the read lock (several readers at once is fine); the reloader
 * writes it under the write lock.
 */
// expect-none
#include <pthread.h>
#include <string.h>

#define NHOSTS 16
#define NWORKERS 4

struct host { char name[64]; unsigned weight; };

static pthread_rwlock_t hosts_lock = PTHREAD_RWLOCK_INITIALIZER;
static struct host hosts[NHOSTS];        /* guarded by hosts_lock */
static unsigned nhosts;                  /* guarded by hosts_lock */

static unsigned weight_of(const char *name)
{
    unsigned w = 0;
    pthread_rwlock_rdlock(&hosts_lock);
    for (unsigned i = 0; i < nhosts; i++)
        if (strcmp(hosts[i].name, name) == 0)
            w = hosts[i].weight;
    pthread_rwlock_unlock(&hosts_lock);
    return w;
}

static void *balancer_main(void *arg)
{
    unsigned long total = 0;
    for (int i = 0; i < 100000; i++)
        total += weight_of((const char *)arg);
    return (void *)total;
}

static void *reloader_main(void *arg)
{
    (void)arg;
    for (unsigned round = 0; round < 10; round++) {
        pthread_rwlock_wrlock(&hosts_lock);
        nhosts = 1 + round % NHOSTS;
        for (unsigned i = 0; i < nhosts; i++) {
            strcpy(hosts[i].name, i % 2 ? "db" : "cache");
            hosts[i].weight = round + i;
        }
        pthread_rwlock_unlock(&hosts_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t workers[NWORKERS], reloader;
    pthread_create(&reloader, NULL, reloader_main, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, balancer_main, (void *)"db");
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    pthread_join(reloader, NULL);
    return 0;
}
