/* CL012 negative: the creator waits under the mutex until the thread has
 * taken its copy of the configuration, then returns. */
// expect-none
#include <pthread.h>

struct handoff {
    pthread_mutex_t m;
    pthread_cond_t cv;
    int taken;
    int level;
};

static int current_level;

static void *logger_main(void *arg)
{
    struct handoff *h = arg;
    pthread_mutex_lock(&h->m);
    int level = h->level;
    h->taken = 1;
    pthread_cond_signal(&h->cv);
    pthread_mutex_unlock(&h->m);
    return (void *)(long)level;
}

int start_logger(pthread_t *out, int level);
int start_logger(pthread_t *out, int level)
{
    struct handoff h = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, level };
    if (pthread_create(out, NULL, logger_main, &h) != 0)
        return -1;
    pthread_mutex_lock(&h.m);
    while (!h.taken)
        pthread_cond_wait(&h.cv, &h.m);
    pthread_mutex_unlock(&h.m);
    current_level = level;
    return 0;
}
