/* Pattern: the optional pool of 232, but a reload after the workers have
 * started switches the configuration back to one thread.
 * Verdict: racy. After `conf.nthreads = 1` main appends without the lock
 * while the workers started before still append under it.
 */
#include <pthread.h>
#include <stdlib.h>

// class: mode-global-fields

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
    if (conf.nthreads == 1) { // expect: CL002
        n->next = to_free; // expect: CL002
        to_free = n; // expect: CL002
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
    conf.nthreads = 1; // expect-related: CL002
    release_later(calloc(1, sizeof(struct node)));
    return 0;
}
