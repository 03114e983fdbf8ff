/* Pattern: the flushers of 221, but a flusher switches the phase back to
 * PHASE_IDLE itself once it has flushed, then calls the commit helper,
 * whose guard is `cfg.phase == PHASE_IDLE && !cfg.readonly`.
 * Verdict: racy. After its own write the flusher's phase is no longer
 * known to be PHASE_FLUSH: it commits, as main does, with no lock.
 */
#include <stdio.h>
#include <threads.h>

// class: mode-conjuncts

enum { PHASE_IDLE, PHASE_FLUSH };
enum { NFLUSH = 2 };

static struct {
    int phase;
    int readonly;
    long commits;
} cfg;

static void commit(void)
{
    if (cfg.phase == PHASE_IDLE && !cfg.readonly) // expect: CL002
        cfg.commits++; // expect: CL002
}

static int flusher_main(void *arg)
{
    (void)arg;
    if (cfg.phase == PHASE_FLUSH) { // expect: CL002
        cfg.phase = PHASE_IDLE; // expect: CL002
        commit();
    }
    return 0;
}

int main(void)
{
    thrd_t t[NFLUSH];
    cfg.phase = PHASE_FLUSH;
    for (int i = 0; i < NFLUSH; i++)
        thrd_create(&t[i], flusher_main, NULL);
    commit();
    for (int i = 0; i < NFLUSH; i++)
        thrd_join(t[i], NULL);
    printf("%ld\n", cfg.commits);
    return 0;
}
