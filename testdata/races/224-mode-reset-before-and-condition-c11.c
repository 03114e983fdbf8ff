/* Pattern: C11 compaction threads that run while `db.state ==
 * DB_COMPACTING`; when one finishes its segment it sets the state back to
 * DB_READY itself and then calls the checkpoint helper, which writes a
 * checkpoint when `db.dirty && db.state == DB_READY`.
 * Verdict: racy. After its own write of `db.state` the thread's earlier
 * test no longer decides the helper's: every compactor and main write
 * `db.checkpoints` (and `db.state`) without a lock. The compactor's
 * unguarded write of `db.state` is one finding, the tests of it related
 * locations.
 */
#include <stdio.h>
#include <threads.h>

// class: mode-conjuncts

enum { DB_READY, DB_COMPACTING };

static struct {
    int state;
    int dirty;
    unsigned checkpoints;
} db;

static void maybe_checkpoint(void)
{
    if (db.dirty && db.state == DB_READY) // expect-related: CL002 {{conflicting read of 'db.state' in 'maybe_checkpoint'}}
        db.checkpoints++; // expect: CL002
}

static int compactor_main(void *arg)
{
    int segment = *(int *)arg;
    if (db.state == DB_COMPACTING && segment >= 0) { // expect-related: CL002 {{conflicting read of 'db.state' in 'compactor_main'}}
        db.state = DB_READY; // expect: CL002
        maybe_checkpoint();
    }
    return 0;
}

int main(void)
{
    thrd_t t[3];
    int seg[3] = { 0, 1, 2 };
    db.dirty = 1;
    db.state = DB_COMPACTING;
    for (int i = 0; i < 3; i++)
        thrd_create(&t[i], compactor_main, &seg[i]);
    maybe_checkpoint();
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], NULL);
    printf("%u\n", db.checkpoints);
    return 0;
}
