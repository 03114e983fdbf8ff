/* CL002 positive (lockset trap): the tuner reads `done` holding only its
 * own tuner_lock; the scanner writes it under scan.lock: no common lock.
 * usleep() in the tuner is pacing of a bounded work loop, not coordination,
 * so no CL003.
 * From shared case 03 (true bug), source: memcached/memcached issue #1076.
 */
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

#define NCLASSES 16

struct class_stats { bool done; unsigned long end_tick, budget; };

static struct {
    pthread_mutex_t lock;                 /* protects stats[] */
    struct class_stats stats[NCLASSES];
} scan = { .lock = PTHREAD_MUTEX_INITIALIZER };
static pthread_mutex_t scanner_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t tuner_lock = PTHREAD_MUTEX_INITIALIZER;

static void *scanner_main(void *arg)
{
    for (unsigned long tick = 0; tick < 100000; tick++) {
        pthread_mutex_lock(&scanner_lock);
        pthread_mutex_lock(&scan.lock);
        scan.stats[tick % NCLASSES].end_tick = tick;
        scan.stats[tick % NCLASSES].done = true; // expect-related: CL002 {{conflicting write of 'scan.stats[].done' in 'scanner_main'}}
        pthread_mutex_unlock(&scan.lock);
        pthread_mutex_unlock(&scanner_lock);
    }
    return arg;
}

static void *tuner_main(void *arg)
{
    for (int round = 0; round < 1000; round++) {
        pthread_mutex_lock(&tuner_lock);
        for (int c = 0; c < NCLASSES; c++) {
            struct class_stats *s = &scan.stats[c];
            if (s->done) { // expect: CL002 {{read of 's->done' in 'tuner_main' races with write in 'scanner_main'}}
                pthread_mutex_lock(&scan.lock); // expect-flow@-1: CL002 {{thread 'tuner_main'}} {{reads 's->done'}}, CL002 {{thread 'scanner_main'}} {{writes 'scan.stats[].done'}}
                s->budget = s->end_tick / 2;
                pthread_mutex_unlock(&scan.lock);
            }
        }
        pthread_mutex_unlock(&tuner_lock);
        usleep(1000);                     /* pacing between rounds */
    }
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, scanner_main, NULL);
    pthread_create(&b, NULL, tuner_main, NULL); // expect-related: CL002 {{thread 'tuner_main' started here}}
    pthread_join(a, NULL);
    return pthread_join(b, NULL);
}
