/* Pattern: cleanup in reverse order of creation: the spawn loop counts
 * `started` up and the shutdown path joins with `while (started-- > 0)`,
 * then tears down the queue the workers drained.
 * Verdict: race-free. The countdown joins every handle the spawn loop
 * filled before main resets the queue.
 */
#include <pthread.h>
#include <stdlib.h>

// class: join-loop-bounds
// expect-none

#define NWORKERS 4

struct queue {
    pthread_mutex_t lock;
    int head;
    int items[64];
};

static struct queue q = { PTHREAD_MUTEX_INITIALIZER, 0, { 0 } };

static void *drain_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&q.lock);
        if (q.head == 0) {
            pthread_mutex_unlock(&q.lock);
            return NULL;
        }
        q.items[--q.head] = 0;
        pthread_mutex_unlock(&q.lock);
    }
}

int main(void)
{
    pthread_t workers[NWORKERS];
    int started = 0;

    q.head = 64;
    for (int i = 0; i < NWORKERS; i++) {
        if (pthread_create(&workers[started], NULL, drain_main, NULL) != 0)
            break;
        started++;
    }
    while (started-- > 0)
        pthread_join(workers[started], NULL);
    q.head = 0;
    return 0;
}
