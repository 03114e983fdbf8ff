/* Pattern: a clock test gives each per-CPU thread a descriptor holding
 * a pointer to its own slice of one sample array (t->entries =
 * &entries[seen * per_cpu], `seen` counting the threads started so far)
 * and a pointer to the shared sequence counter it bumps atomically.
 * Verdict: race-free. The slices do not overlap; the counter is only
 * touched with atomic builtins; main reads the samples after the joins.
 */
// class: thread-arguments
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct sample {
    unsigned seq;
    int cpu;
};
struct clock_thread {
    pthread_t thread;
    int cpu, nr;
    unsigned *seq;
    struct sample *entries;
};

static void *clock_thread_fn(void *data)
{
    struct clock_thread *t = data;
    for (int i = 0; i < t->nr; i++) {
        t->entries[i].cpu = t->cpu;
        t->entries[i].seq = __atomic_fetch_add(t->seq, 1, __ATOMIC_SEQ_CST);
    }
    return NULL;
}

int main(void)
{
    enum { NCPU = 4, PER = 64 };
    unsigned seq = 0;
    long sum = 0;
    int seen = 0;
    struct clock_thread *ct = calloc(NCPU, sizeof *ct);
    struct sample *entries = calloc(NCPU * PER, sizeof *entries);
    if (ct == NULL || entries == NULL)
        return 1;
    for (int i = 0; i < NCPU; i++) {
        struct clock_thread *t = &ct[i];
        t->cpu = i;
        t->nr = PER;
        t->seq = &seq;
        t->entries = &entries[seen * PER];
        if (pthread_create(&t->thread, NULL, clock_thread_fn, t) != 0)
            break;
        seen++;
    }
    for (int i = 0; i < seen; i++)
        pthread_join(ct[i].thread, NULL);
    for (int i = 0; i < seen * PER; i++)
        sum += entries[i].seq;
    return (int)(sum & 1);
}
