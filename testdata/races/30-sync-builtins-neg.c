/* Pattern: atomics, legacy __sync_* builtins.
 * Verdict: race-free. `next_id` is handed out with __sync_fetch_and_add and
 * `owner` is claimed with __sync_bool_compare_and_swap; `owner` is read
 * elsewhere only through __sync_fetch_and_or(&owner, 0).
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static long next_id;
static long owner;

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++) {
        long id = __sync_fetch_and_add(&next_id, 1) + 1;
        if (__sync_bool_compare_and_swap(&owner, 0, id))
            __sync_lock_test_and_set(&owner, 0);
    }
    return arg;
}

static void *observer(void *arg)
{
    long seen = 0;
    for (int i = 0; i < 100; i++)
        seen += __sync_fetch_and_or(&owner, 0) != 0;
    printf("%ld\n", seen);
    return arg;
}

int main(void)
{
    pthread_t t[NT], o;
    pthread_create(&o, NULL, observer, NULL);
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_join(o, NULL);
    printf("%ld\n", next_id);
    return 0;
}
