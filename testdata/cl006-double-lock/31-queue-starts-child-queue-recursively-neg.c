/* CL006 negative: a disk-assisted queue starts its child queue by calling
 * its own start function on it (rsyslog's qqueueStart -> InitDA ->
 * StartDA -> qqueueStart(pThis->pqDA)): the inner invocation locks the
 * child's mutex, reached through a pointer member and taken only when the
 * caller says it does not hold it yet, while the outer one holds the
 * parent's. Two objects of one type, one lock each: no lock is taken
 * twice.
 */
#include <pthread.h>
#include <stdlib.h>

// expect-none

enum { ALREADY_LOCKED, LOCK_MUTEX };

struct queue {
    pthread_mutex_t *mut;
    struct queue *child;
    int disk_assisted;
    int started;
};

static int queue_start(struct queue *q);

static int start_child(struct queue *q)
{
    q->child = calloc(1, sizeof *q->child);
    if (q->child == NULL)
        return -1;
    q->child->mut = malloc(sizeof *q->child->mut);
    if (q->child->mut == NULL)
        return -1;
    pthread_mutex_init(q->child->mut, NULL);
    return queue_start(q->child);
}

static int init_disk_assist(struct queue *q, int lock)
{
    if (lock == LOCK_MUTEX)
        pthread_mutex_lock(q->mut);
    int rc = q->child == NULL ? start_child(q) : 0;
    if (lock == LOCK_MUTEX)
        pthread_mutex_unlock(q->mut);
    return rc;
}

static int queue_start(struct queue *q)
{
    q->started = 1;
    if (q->disk_assisted)
        return init_disk_assist(q, LOCK_MUTEX);
    return 0;
}

int main(void)
{
    static pthread_mutex_t main_mut = PTHREAD_MUTEX_INITIALIZER;
    static struct queue main_q = { &main_mut, NULL, 1, 0 };
    return queue_start(&main_q);
}
