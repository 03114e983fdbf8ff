/* CL005 negative (a poller that skips a busy queue): the trylock's result
 * is tested for EBUSY first and then for any other error, which aborts
 * the request. Neither return holds the lock: the second test of the same
 * result must not take the lock a second time, nor keep it on the error
 * side.
 */
// class: trylock-result
// expect-none
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

struct queue {
    pthread_mutex_t lock;
    int len;
};

static struct queue q = { PTHREAD_MUTEX_INITIALIZER, 0 };

static int queue_poll(struct queue *qu)
{
    int rc = pthread_mutex_trylock(&qu->lock);
    if (rc == EBUSY)
        return 0;
    if (rc != 0) {
        fprintf(stderr, "trylock: %d\n", rc);
        return -1;
    }
    qu->len--;
    pthread_mutex_unlock(&qu->lock);
    return 1;
}

static void *poller(void *arg)
{
    for (int i = 0; i < 100; i++)
        queue_poll(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, poller, &q);
    queue_poll(&q);
    pthread_join(t, NULL);
    return 0;
}
