/* Pattern: an optional worker pool. When the configuration asks for one
 * thread (`conf.nthreads == 1`) the program starts no worker and the
 * shared enqueue helper appends to the free list without a lock; with
 * more, the workers are started and the helper takes the lock. The mode
 * is a field of a global configuration struct, tested before the spawns
 * and again in the helper.
 * Verdict: race-free. Workers only exist where `conf.nthreads != 1`, and
 * nothing changes it after they start: the unlocked branch runs only
 * while no worker does, and the workers always take the lock.
 */
#include <pthread.h>
#include <stdlib.h>

// class: mode-global-fields
// expect-none

struct node {
    struct node *next;
};

static struct {
    int nthreads;
} conf;
static struct node *to_free;
static pthread_mutex_t free_lock = PTHREAD_MUTEX_INITIALIZER;

static void release_later(struct node *n)
{
    if (conf.nthreads == 1) {
        n->next = to_free;
        to_free = n;
        return;
    }
    pthread_mutex_lock(&free_lock);
    n->next = to_free;
    to_free = n;
    pthread_mutex_unlock(&free_lock);
}

static void *worker_main(void *arg)
{
    release_later(arg);
    return NULL;
}

static void start_workers(void)
{
    if (conf.nthreads == 1)
        return;
    for (int i = 1; i < conf.nthreads && i < 8; i++) {
        pthread_t t;
        pthread_create(&t, NULL, worker_main, calloc(1, sizeof(struct node)));
        pthread_detach(t);
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    conf.nthreads = argc;
    start_workers();
    release_later(calloc(1, sizeof(struct node)));
    return 0;
}
