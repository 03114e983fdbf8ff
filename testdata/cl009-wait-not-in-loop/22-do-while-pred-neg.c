/* CL009 negative: a do-while whose condition is the predicate; the timed
 * variant leaves on timeout and the caller re-tests. */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static int wait_ready(const struct timespec *deadline)
{
    int rc = 0;
    pthread_mutex_lock(&m);
    do {
        if (ready)
            break;
        rc = pthread_cond_timedwait(&cv, &m, deadline);
    } while (rc != ETIMEDOUT);
    int ok = ready;
    pthread_mutex_unlock(&m);
    return ok;
}

static void *client(void *arg)
{
    struct timespec ts;
    (void)arg;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 2;
    return (void *)(long)wait_ready(&ts);
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, client, NULL);
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
