/* Pattern: a cache of entries with a reference count and a mutex each; a
 * helper takes the entry pointer and bumps the count under the entry's
 * own mutex. The worker and main both walk the whole cache with it.
 * Verdict: race-free. Every `refs` update holds the same entry's mutex.
 */
#include <pthread.h>
#include <stdio.h>

// class: lock-in-object
// expect-none

enum { NENT = 10 };

struct entry {
    int refs;
    pthread_mutex_t refs_mu;
};

static struct entry cache[NENT];

static void entry_ref(struct entry *e)
{
    pthread_mutex_lock(&e->refs_mu);
    e->refs++;
    pthread_mutex_unlock(&e->refs_mu);
}

static void *walker(void *arg)
{
    for (int i = 0; i < NENT; i++)
        entry_ref(&cache[i]);
    return arg;
}

int main(void)
{
    for (int i = 0; i < NENT; i++)
        pthread_mutex_init(&cache[i].refs_mu, NULL);
    pthread_t t;
    pthread_create(&t, NULL, walker, NULL);
    for (int i = 0; i < NENT; i++)
        entry_ref(&cache[i]);
    pthread_join(t, NULL);
    printf("%d\n", cache[3].refs);
    return 0;
}
