/* Pattern: a thread pool whose workers take their settings from a
 * configuration block the starter owns; a global "started" semaphore
 * tells the starter each worker has taken its copy, after which the
 * starter edits the block for the next worker and finally clears it.
 * Verdict: race-free. The workers are the only posters, each posts once
 * after reading the block, the count starts at 0 and the starter waits
 * once after every spawn (handshake at thread start).
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>

struct pool_conf {
    int queue_depth;
    int cpu;
    long timeout_ms;
};

static sem_t started;
static pthread_t pool[8];

static void *pool_worker(void *arg)
{
    const struct pool_conf *conf = arg;
    struct pool_conf mine = *conf;
    sem_post(&started);
    printf("worker on cpu %d depth %d timeout %ld\n", mine.cpu, mine.queue_depth, mine.timeout_ms);
    return NULL;
}

static void pool_start(int n)
{
    struct pool_conf conf;
    sem_init(&started, 0, 0);
    conf.queue_depth = 64;
    conf.timeout_ms = 500;
    for (int i = 0; i < n; i++) {
        conf.cpu = i % 2;
        pthread_create(&pool[i], NULL, pool_worker, &conf);
        sem_wait(&started);
    }
    memset(&conf, 0, sizeof conf);
}

int main(void)
{
    pool_start(8);
    for (int i = 0; i < 8; i++)
        pthread_join(pool[i], NULL);
    return 0;
}
