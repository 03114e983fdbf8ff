/* Pattern: a statistics gatherer with a home-made barrier whose waiters
 * wait once (an `if` instead of a loop around pthread_cond_wait). Each
 * collector fills its own slot, passes the barrier, then sums all slots.
 * Verdict: racy. pthread_cond_wait may return without a broadcast (a
 * spurious wakeup, POSIX allows it): a collector can leave the barrier
 * early and read slots still being written.
 */
// class: barrier
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NCOLLECT 3

static pthread_mutex_t gather_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gather_cv = PTHREAD_COND_INITIALIZER;
static int gathered, round_no;
static long slots[NCOLLECT];

static void gather_barrier(void)
{
    pthread_mutex_lock(&gather_mu);
    int r = round_no;
    if (++gathered == NCOLLECT) {
        gathered = 0;
        round_no++;
        pthread_cond_broadcast(&gather_cv);
    } else if (r == round_no) {
        pthread_cond_wait(&gather_cv, &gather_mu); // expect: CL009
    }
    pthread_mutex_unlock(&gather_mu);
}

static void *collector(void *arg)
{
    int id = (int)(intptr_t)arg;
    long total = 0;
    slots[id] = id * 100; // expect: CL002
    gather_barrier();
    for (int i = 0; i < NCOLLECT; i++)
        total += slots[i];
    printf("%ld\n", total);
    return NULL;
}

int main(void)
{
    pthread_t t[NCOLLECT];
    for (int i = 0; i < NCOLLECT; i++)
        pthread_create(&t[i], NULL, collector, (void *)(intptr_t)i);
    for (int i = 0; i < NCOLLECT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
