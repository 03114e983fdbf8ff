/* CL005 and CL006 negative (both were reported: the walk named the
 * parent's and the child's lock as one): 31 of CL006's shape, where the child queue's start fails
 * and the parent destroys it, inside the parent's critical section: the
 * child's shutdown locks and unlocks the child's own mutex. Balanced on
 * every path; the parent's mutex is released by the parent.
 */
#include <pthread.h>
#include <stdlib.h>

// expect-none

enum { ALREADY_LOCKED, LOCK_MUTEX };

struct queue {
    pthread_mutex_t *mut;
    struct queue *child;
    int disk_assisted;
    int size;
};

static int queue_start(struct queue *q);

static void queue_shutdown(struct queue *q)
{
    pthread_mutex_lock(q->mut);
    int left = q->size;
    pthread_mutex_unlock(q->mut);
    if (left > 0)
        q->size = 0;
}

static int start_child(struct queue *q)
{
    q->child = calloc(1, sizeof *q->child);
    if (q->child == NULL)
        return -1;
    q->child->mut = malloc(sizeof *q->child->mut);
    if (q->child->mut == NULL)
        return -1;
    pthread_mutex_init(q->child->mut, NULL);
    int rc = queue_start(q->child);
    if (rc != 0) {
        queue_shutdown(q->child);
        free(q->child);
        q->child = NULL;
    }
    return rc;
}

static int init_disk_assist(struct queue *q, int lock)
{
    int rc = 0;
    if (lock == LOCK_MUTEX)
        pthread_mutex_lock(q->mut);
    if (q->child == NULL)
        rc = start_child(q);
    if (lock == LOCK_MUTEX)
        pthread_mutex_unlock(q->mut);
    return rc;
}

static int queue_start(struct queue *q)
{
    return q->disk_assisted ? init_disk_assist(q, LOCK_MUTEX) : 0;
}

int main(void)
{
    static pthread_mutex_t main_mut = PTHREAD_MUTEX_INITIALIZER;
    static struct queue main_q = { &main_mut, NULL, 1, 0 };
    return queue_start(&main_q);
}
