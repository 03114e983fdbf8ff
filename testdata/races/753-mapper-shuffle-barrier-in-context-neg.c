/* Pattern: a map/shuffle stage. Each mapper counts its keys into its own
 * row of a bucket matrix, then waits at a barrier that the job context
 * owns (reached through the job's pointer), then reads its column
 * of every row to size its reduce partition. The barrier is the classic
 * mutex + condition variable + count + round number.
 * Verdict: race-free. Every row is written before the barrier and every
 * column read after it.
 */
// class: barrier
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NMAP 3

struct round_barrier {
    pthread_mutex_t mu;
    pthread_cond_t all_in;
    int waiting, need;
    unsigned round;
};

struct job {
    struct round_barrier *sync;
    long buckets[NMAP][NMAP];
};

static long partition[NMAP];

static struct round_barrier shuffle = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, NMAP, 0 };
static struct job the_job = { &shuffle, { { 0 } } };

static void round_barrier_wait(struct round_barrier *rb)
{
    pthread_mutex_lock(&rb->mu);
    unsigned my_round = rb->round;
    rb->waiting++;
    if (rb->waiting >= rb->need) {
        rb->waiting = 0;
        rb->round++;
        pthread_cond_broadcast(&rb->all_in);
    } else {
        while (rb->round == my_round)
            pthread_cond_wait(&rb->all_in, &rb->mu);
    }
    pthread_mutex_unlock(&rb->mu);
}

static void *map_main(void *arg)
{
    int id = (int)(intptr_t)arg;
    struct job *j = &the_job;
    for (int b = 0; b < NMAP; b++)
        j->buckets[id][b] = (id + 1) * (b + 2);
    round_barrier_wait(j->sync);
    long total = 0;
    for (int m = 0; m < NMAP; m++)
        total += j->buckets[m][id];
    partition[id] = total;
    return NULL;
}

int main(void)
{
    pthread_t t[NMAP];
    for (int i = 0; i < NMAP; i++)
        pthread_create(&t[i], NULL, map_main, (void *)(intptr_t)i);
    for (int i = 0; i < NMAP; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < NMAP; i++)
        printf("%ld\n", partition[i]);
    return 0;
}
