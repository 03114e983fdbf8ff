/* CL002 positive, two root causes in one function: reset_counters()
 * clears two separate globals, `hits` and `misses`, while the workers bump
 * them under their own locks. One function, but two objects with two
 * locks: two findings, not folded.
 */
#include <pthread.h>

static pthread_mutex_t hits_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t misses_lock = PTHREAD_MUTEX_INITIALIZER;
static long hits, misses;

static void reset_counters(void)
{
    hits = 0; // expect: CL002 {{write to 'hits' in 'reset_counters'}}
    misses = 0; // expect: CL002 {{write to 'misses' in 'reset_counters'}}
}

static void *worker(void *arg)
{
    if (arg != NULL) {
        pthread_mutex_lock(&hits_lock);
        hits++;
        pthread_mutex_unlock(&hits_lock);
    } else {
        pthread_mutex_lock(&misses_lock);
        misses++;
        pthread_mutex_unlock(&misses_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_create(&t[0], NULL, worker, &t[0]);
    pthread_create(&t[1], NULL, worker, NULL);
    reset_counters();
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    return 0;
}
