/* Pattern: a producer and a consumer that each account their work in a
 * per-role statistics slot picked by the index passed at the spawn; both
 * are started with ROLE_IO (the consumer should have had ROLE_CPU), and
 * each routine hands the index to a helper that does the accounting.
 * Verdict: racy. Both threads add to `busy[ROLE_IO]` in `account` without
 * a lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: own-index-constant

enum { ROLE_IO, ROLE_CPU, NROLES };

static long busy[NROLES];

static void account(long role, long ticks)
{
    busy[role] += ticks; // expect: CL002 {{races with write in 'account'}}
}

static void *producer_main(void *arg)
{
    long role = (long)arg;
    for (int i = 0; i < 100; i++)
        account(role, 2);
    return NULL;
}

static void *consumer_main(void *arg)
{
    long role = (long)arg;
    for (int i = 0; i < 100; i++)
        account(role, 3);
    return NULL;
}

int main(void)
{
    pthread_t p, c;

    pthread_create(&p, NULL, producer_main, (void *)ROLE_IO);
    pthread_create(&c, NULL, consumer_main, (void *)ROLE_IO);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("%ld %ld\n", busy[ROLE_IO], busy[ROLE_CPU]);
    return 0;
}
