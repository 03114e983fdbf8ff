/* Pattern: atomics, GCC __atomic_* builtins on plain objects.
 * Verdict: race-free. `refs` and `state` are ordinary ints but every
 * concurrent access goes through __atomic_* builtins.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static int refs;
static int state;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        __atomic_add_fetch(&refs, 1, __ATOMIC_ACQ_REL);
        int expected = 0;
        __atomic_compare_exchange_n(&state, &expected, 1, 0,
                                    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
        __atomic_store_n(&state, 0, __ATOMIC_RELEASE);
        __atomic_sub_fetch(&refs, 1, __ATOMIC_ACQ_REL);
    }
    return arg;
}

static void *watcher(void *arg)
{
    int peak = 0;
    for (int i = 0; i < 1000; i++) {
        int r = __atomic_load_n(&refs, __ATOMIC_RELAXED);
        if (r > peak)
            peak = r;
    }
    printf("%d\n", peak);
    return arg;
}

int main(void)
{
    pthread_t t[NT], w;
    pthread_create(&w, NULL, watcher, NULL);
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_join(w, NULL);
    return 0;
}
