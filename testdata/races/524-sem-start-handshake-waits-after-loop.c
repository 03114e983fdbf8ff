/* Pattern: a thread pool whose starter spawns every worker with the same
 * configuration block, edited between spawns, and only then waits for all
 * of them to have started ("wait for the pool to come up").
 * Verdict: racy. The waits come after the loop: the starter edits the block
 * for worker k+1 while worker k may still be copying it.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct pool_conf {
    int queue_depth;
    int cpu;
};

static sem_t started;
static pthread_t pool[8];

static void *pool_worker(void *arg)
{
    const struct pool_conf *conf = arg;
    struct pool_conf mine = *conf; // expect: CL002
    sem_post(&started);
    printf("worker on cpu %d depth %d\n", mine.cpu, mine.queue_depth);
    return NULL;
}

int main(void)
{
    struct pool_conf conf;
    sem_init(&started, 0, 0);
    conf.queue_depth = 64;
    for (int i = 0; i < 8; i++) {
        conf.cpu = i % 2;
        pthread_create(&pool[i], NULL, pool_worker, &conf);
    }
    for (int i = 0; i < 8; i++)
        sem_wait(&started);
    for (int i = 0; i < 8; i++)
        pthread_join(pool[i], NULL);
    return 0;
}
