/* Pattern: a __thread statistics block shared through a helper.
 * Verdict: racy. main passes &tstats (its own thread-local instance) to
 * every worker; the workers bump it with account(), while main resets the
 * hits field concurrently. Workers started in a loop also race with each
 * other on the same instance.
 */
// class: thread-local-escape
#include <pthread.h>
#include <stdio.h>

struct stats { long hits, misses; };
static __thread struct stats tstats;

static void account(struct stats *st, int hit)
{
    if (hit)
        st->hits++; // expect: CL002
    else
        st->misses++; // expect: CL002
}

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++)
        account(arg, i % 3 != 0);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, &tstats);
    tstats.hits = 0; // expect-related: CL002
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%ld %ld\n", tstats.hits, tstats.misses);
    return 0;
}
