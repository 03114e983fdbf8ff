/* Pattern: the twin of 831, with the debug flag a const set to true, and
 * a second flag that is const but defined in another file (its value is
 * not known here, so its test is taken both ways).
 * Verdict: racy. The dump reads the pool's counters without the lock
 * while the allocator thread updates them under it.
 */
// class: dead-code
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

static const bool pool_debug = true;
extern const int trace_enabled;

struct pool {
    pthread_mutex_t lock;
    unsigned used;
    unsigned free_blocks;
};

static struct pool the_pool = { PTHREAD_MUTEX_INITIALIZER, 0, 64 };

static void pool_dump(struct pool *p)
{
    if (!pool_debug)
        return;
    printf("%u used\n", p->used); // expect: CL002
}

static void pool_trace(struct pool *p)
{
    if (trace_enabled)
        printf("%u free\n", p->free_blocks); // expect: CL002
}

static void *allocator(void *arg)
{
    struct pool *p = arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&p->lock);
        p->used++;
        p->free_blocks--;
        pthread_mutex_unlock(&p->lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, allocator, &the_pool);
    pool_dump(&the_pool);
    pool_trace(&the_pool);
    pthread_join(t, NULL);
    return 0;
}
