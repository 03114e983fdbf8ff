/* CL002 positive, one root cause on a heap object: main allocates one
 * statistics block and hands it to every worker; record() bumps three of its
 * counters without the lock. Each counter races with itself across the
 * worker instances, but the fix is one (take st->lock in record()): one
 * finding at the first write, the other counters as related locations.
 */
#include <pthread.h>
#include <stdlib.h>

struct stats {
    pthread_mutex_t lock;
    unsigned long requests;
    unsigned long bytes;
    unsigned long errors;
};

static void record(struct stats *st, unsigned long n, int failed)
{
    st->requests++; // expect: CL002 {{write to 'st->requests' in 'record' races with itself}} {{and 2 more races on '*st' through 'record'}}
    st->bytes += n; // expect-related: CL002 {{also writes 'st->bytes' in 'record'}}
    if (failed)
        st->errors++; // expect-related: CL002 {{also writes 'st->errors' in 'record'}}
}

static void *worker(void *arg)
{
    struct stats *st = arg;
    for (unsigned long k = 0; k < 100; k++)
        record(st, k, k % 7 == 0);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    struct stats *st = calloc(1, sizeof *st);
    if (st == NULL)
        return 1;
    pthread_mutex_init(&st->lock, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, st);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    free(st);
    return 0;
}
