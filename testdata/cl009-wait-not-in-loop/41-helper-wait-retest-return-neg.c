/* CL009 negative: a take helper with no loop of its own: after a timed
 * wait it re-tests the list and returns NULL when it is still empty; the
 * caller's endless loop calls it again. */
// expect-none
#include <pthread.h>
#include <stddef.h>
#include <time.h>

struct msg { struct msg *next; int len; };

static pthread_mutex_t lk = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static struct msg *inbox;
static long bytes;

static struct msg *take(void)
{
    struct timespec ts;
    struct msg *m;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 1;
    pthread_mutex_lock(&lk);
    if (inbox == NULL) {
        pthread_cond_timedwait(&cv, &lk, &ts);
        if (inbox == NULL) {
            pthread_mutex_unlock(&lk);
            return NULL;
        }
    }
    m = inbox;
    inbox = m->next;
    pthread_mutex_unlock(&lk);
    return m;
}

static void *reader(void *arg)
{
    (void)arg;
    for (;;) {
        struct msg *m = take();
        if (m != NULL)
            bytes += m->len;
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    pthread_detach(t);
    return 0;
}
