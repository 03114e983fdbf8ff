/* Pattern: a counting semaphore built from a mutex and a condition
 * variable, created with one unit and used as a lock by a flusher thread
 * and a sampler thread. The flusher updates the shared total inside its
 * critical section, then records the flush time after giving the unit
 * back; the sampler reads that time inside its own critical section.
 * Verdict: racy. The semaphore starts with a unit, so the flusher's first
 * down need not wait for the sampler; its store of the flush time after
 * its up runs while the sampler, now holding the unit, reads it.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

struct csem {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int value;
};

static struct csem flush_sem = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 1 };
static long total;
static long last_flush;

static void csem_down(struct csem *s)
{
    pthread_mutex_lock(&s->mu);
    while (s->value == 0)
        pthread_cond_wait(&s->cv, &s->mu);
    s->value--;
    pthread_mutex_unlock(&s->mu);
}

static void csem_up(struct csem *s)
{
    pthread_mutex_lock(&s->mu);
    s->value++;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

static void *flusher(void *arg)
{
    (void)arg;
    csem_down(&flush_sem);
    total += 100;
    csem_up(&flush_sem);
    last_flush = 42; // expect: CL002
    return NULL;
}

static void *sampler(void *arg)
{
    (void)arg;
    csem_down(&flush_sem);
    printf("%ld at %ld\n", total, last_flush);
    csem_up(&flush_sem);
    return NULL;
}

int main(void)
{
    pthread_t f, s;
    pthread_create(&f, NULL, flusher, NULL);
    pthread_create(&s, NULL, sampler, NULL);
    pthread_join(f, NULL);
    pthread_join(s, NULL);
    return 0;
}
