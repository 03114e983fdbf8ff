/* Pattern: C11 flusher threads and a mode kept in a field of a global
 * configuration struct. A flusher calls the shared commit helper only when
 * `cfg.phase == PHASE_FLUSH`; the helper leaves early with `if (cfg.phase
 * != PHASE_IDLE || cfg.readonly) return;`, a test inside an `||`
 * condition, before it bumps the commit counter.
 * Verdict: race-free. In a flusher `cfg.phase` is PHASE_FLUSH, so the
 * early return is always taken there; only main commits.
 */
#include <stdio.h>
#include <threads.h>

// class: mode-conjuncts
// expect-none

enum { PHASE_IDLE, PHASE_FLUSH };
enum { NFLUSH = 2 };

static struct {
    int phase;
    int readonly;
    long commits;
} cfg;

static void commit(void)
{
    if (cfg.phase != PHASE_IDLE || cfg.readonly)
        return;
    cfg.commits++;
}

static int flusher_main(void *arg)
{
    (void)arg;
    if (cfg.phase == PHASE_FLUSH)
        commit();
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
