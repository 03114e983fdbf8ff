/* CL005 negative: a log queue's overflow child shares its parent's mutex
 * (set from its parent pointer when it starts) and is started inside the
 * parent's critical section. The start's error ladder jumps to its cleanup
 * label holding that mutex (the parent releases it), and the cleanup stops
 * the half-built child, whose stop takes and releases the mutex itself and
 * leaves early through 'goto out'. The stop is entered with the jump's
 * hold carried in: that hold is the caller's, not a leak of the stop's.
 * (rsyslog's qqueueShutdownWorkers after StartDA's finalize_it; this
 * smaller shape passed before the fix too, see the commit.)
 */
#include <pthread.h>
#include <stdlib.h>

// expect-none

struct logq {
    pthread_mutex_t *mut;
    struct logq *overflow;
    struct logq *parent;
    int spill;
    int workers;
    int queued;
};

static int logq_start(struct logq *q);

static int logq_stop(struct logq *q)
{
    int rc = 0;
    if (q->workers == 0) {
        rc = -1;
        goto out;
    }
    pthread_mutex_lock(q->mut);
    int left = q->queued;
    pthread_mutex_unlock(q->mut);
    if (left > 0) {
        rc = -1;
        goto out;
    }
    q->workers = 0;
out:
    return rc;
}

static int logq_start_overflow(struct logq *q)
{
    int rc = -1;
    q->overflow = calloc(1, sizeof *q->overflow);
    if (q->overflow == NULL)
        goto fail;
    q->overflow->parent = q;
    q->overflow->spill = q->spill > 1;
    if ((rc = logq_start(q->overflow)) != 0)
        goto fail;
    return 0;
fail:
    if (q->overflow != NULL) {
        logq_stop(q->overflow);
        free(q->overflow);
        q->overflow = NULL;
    }
    return rc;
}

static int logq_start(struct logq *q)
{
    int rc = 0;
    if (q->parent != NULL)
        q->mut = q->parent->mut;
    if (q->spill) {
        pthread_mutex_lock(q->mut);
        rc = logq_start_overflow(q);
        pthread_mutex_unlock(q->mut);
    }
    if (rc == 0)
        q->workers = 1;
    return rc;
}

int main(int argc, char **argv)
{
    (void)argv;
    static pthread_mutex_t main_mut = PTHREAD_MUTEX_INITIALIZER;
    static struct logq main_q = { &main_mut, NULL, NULL, 0, 0, 0 };
    main_q.spill = argc;
    return logq_start(&main_q);
}
