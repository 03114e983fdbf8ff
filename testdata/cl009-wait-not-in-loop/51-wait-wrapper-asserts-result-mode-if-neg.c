/* CL009 negative: a wait wrapper that checks the wait's result with
 * assert() and returns it, called under an `if` that picks the timed or
 * the untimed wait by configuration, inside a loop that tests the
 * predicate before each wait (liblzma's mythread_cond_timedwait in the
 * multi-threaded decoder). What the wrapper does after the wait touches
 * only its own result: nothing works on the predicate before the loop
 * tests it again.
 */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>

// expect-none

struct decoder {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int blocks_ready;
    unsigned timeout_ms;
};

static struct decoder dec = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };

static inline int dec_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex,
                                     const struct timespec *abs)
{
    int ret = pthread_cond_timedwait(cond, mutex, abs);
    assert(ret == 0 || ret == ETIMEDOUT);
    return ret;
}

static void *block_worker(void *arg)
{
    struct decoder *d = arg;
    pthread_mutex_lock(&d->mutex);
    d->blocks_ready++;
    pthread_cond_signal(&d->cond);
    pthread_mutex_unlock(&d->mutex);
    return NULL;
}

static int wait_for_block(struct decoder *d, const struct timespec *abs)
{
    int ret = 0;
    pthread_mutex_lock(&d->mutex);
    do {
        if (d->blocks_ready > 0) {
            d->blocks_ready--;
            break;
        }
        if (d->timeout_ms != 0) {
            if (dec_cond_timedwait(&d->cond, &d->mutex, abs) != 0) {
                ret = ETIMEDOUT;
                break;
            }
        } else {
            pthread_cond_wait(&d->cond, &d->mutex);
        }
    } while (ret == 0);
    pthread_mutex_unlock(&d->mutex);
    return ret;
}

int main(void)
{
    pthread_t t;
    struct timespec abs;
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_sec += 5;
    dec.timeout_ms = 5000;
    pthread_create(&t, NULL, block_worker, &dec);
    int rc = wait_for_block(&dec, &abs);
    pthread_join(t, NULL);
    return rc != 0;
}
