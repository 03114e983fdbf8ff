/* Pattern: a debug dump that reads the pool's bookkeeping without its
 * lock, behind a file-scope `static const bool` set to false: the dump
 * returns before it reads anything, in every build.
 * Verdict: race-free. The flag is const with a constant initializer, so
 * `if (!pool_debug) return;` always returns.
 */
// class: dead-code
// expect-none
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

static const bool pool_debug = false;
static const int dump_level = 0;

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
    printf("%u used, %u free\n", p->used, p->free_blocks);
}

static void pool_dump_levels(struct pool *p)
{
    if (dump_level > 0)
        printf("%u\n", p->used);
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
    pool_dump_levels(&the_pool);
    pthread_join(t, NULL);
    return 0;
}
