/* Pattern: one helper runs whatever callback it is given; the worker
 * passes a callback that counts into the worker's own counter, main
 * passes one that counts into main's own counter.
 * Verdict: race-free. Each thread's callback touches a different global;
 * the helper's body is the same, the callbacks are not.
 */
// class: callback-parameters
// expect-none
#include <pthread.h>

static long worker_hits, main_hits;

static void repeat(int times, void (*step)(void))
{
    while (times-- > 0)
        step();
}

static void worker_step(void)
{
    worker_hits++;
}

static void main_step(void)
{
    main_hits++;
}

static void *worker(void *arg)
{
    (void)arg;
    repeat(10, worker_step);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    repeat(5, main_step);
    pthread_join(t, NULL);
    return (int)(worker_hits + main_hits);
}
