/* Pattern: an array of records, each with its own mutex. The worker picks
 * a record by an index it cannot predict, takes a pointer to it and locks
 * the record's mutex through that pointer; main locks a[k].mu by index.
 * Verdict: race-free. Whatever the indices, each access to a datum holds
 * that same record's mutex.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: lock-in-object
// expect-none

enum { NREC = 8 };

struct rec {
    int datum;
    pthread_mutex_t mu;
};

static struct rec recs[NREC];

static void *touch(void *arg)
{
    int i = rand() % NREC;
    struct rec *r = &recs[i];
    pthread_mutex_lock(&r->mu);
    r->datum++;
    pthread_mutex_unlock(&r->mu);
    return arg;
}

int main(void)
{
    for (int i = 0; i < NREC; i++)
        pthread_mutex_init(&recs[i].mu, NULL);
    pthread_t t;
    int k = rand() % NREC; /* before the spawn: rand() is not thread-safe (CL014) */
    pthread_create(&t, NULL, touch, NULL);
    pthread_mutex_lock(&recs[k].mu);
    recs[k].datum = 5;
    pthread_mutex_unlock(&recs[k].mu);
    pthread_join(t, NULL);
    printf("%d\n", recs[0].datum);
    return 0;
}
