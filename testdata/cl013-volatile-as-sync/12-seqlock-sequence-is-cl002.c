/* A sequence lock whose counter is volatile, shaped like fio's
 * lib/seqlock.h (fio 3.33, gettime-thread.c's clock): the writer bumps
 * `sequence` before and after updating the clock (`s->sequence =
 * __atomic_load_n(&s->sequence, ...) + 1` reads the counter it stores),
 * the readers retry while it changes. A counter, not a flag: every write
 * derives from the old value, so the race of the unordered bump with the
 * readers is CL002's, and CL013 (volatile-as-sync) reports nothing here.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

struct seqlock {
    volatile unsigned int sequence;
};

static struct seqlock g_clock_lock;
static unsigned long long g_clock;

static unsigned int read_seqlock_begin(struct seqlock *s)
{
    unsigned int seq;
    do {
        seq = __atomic_load_n(&s->sequence, __ATOMIC_ACQUIRE);
    } while (seq & 1);
    return seq;
}

static bool read_seqlock_retry(struct seqlock *s, unsigned int seq)
{
    return s->sequence != seq; // expect: CL002 {{races with write in 'write_seqlock_end'}}
}

static void write_seqlock_begin(struct seqlock *s)
{
    s->sequence = __atomic_load_n(&s->sequence, __ATOMIC_ACQUIRE) + 1; // expect: CL002
}

static void write_seqlock_end(struct seqlock *s)
{
    __atomic_store_n(&s->sequence, s->sequence + 1, __ATOMIC_RELEASE);
}

static void *clock_thread(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        write_seqlock_begin(&g_clock_lock);
        g_clock++; // expect: CL002
        write_seqlock_end(&g_clock_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, clock_thread, NULL) != 0)
        return 1;
    unsigned long long now;
    unsigned int seq;
    do {
        seq = read_seqlock_begin(&g_clock_lock);
        now = g_clock;
    } while (read_seqlock_retry(&g_clock_lock, seq));
    pthread_join(t, NULL);
    printf("%llu\n", now);
    return 0;
}
