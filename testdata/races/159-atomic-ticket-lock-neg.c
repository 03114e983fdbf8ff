/* Pattern: ticket lock from C11 atomics.
 * Verdict: race-free. A thread draws a ticket with atomic_fetch_add on
 * next_ticket and spins until now_serving equals it; it hands the lock on
 * with atomic_fetch_add on now_serving. `jobs_done` is only touched while
 * holding a ticket.
 */
// class: atomic-locks
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

struct ticket_lock {
    atomic_uint next_ticket;
    atomic_uint now_serving;
};
static struct ticket_lock tl;
static int jobs_done;

static void ticket_lock(struct ticket_lock *l)
{
    unsigned mine = atomic_fetch_add(&l->next_ticket, 1);
    while (atomic_load(&l->now_serving) != mine)
        ;
}

static void ticket_unlock(struct ticket_lock *l)
{
    atomic_fetch_add(&l->now_serving, 1);
}

static void *job(void *arg)
{
    for (int i = 0; i < 500; i++) {
        ticket_lock(&tl);
        jobs_done++;
        ticket_unlock(&tl);
    }
    return arg;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, job, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", jobs_done);
    return 0;
}
