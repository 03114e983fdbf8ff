/* CL005 positive (a log rotator): the trylock's result is tested twice,
 * EBUSY and then any error; past both the lock is held once, and the
 * failed rename returns holding it.
 */
// class: trylock-result
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int log_gen;

static int log_rotate(const char *from, const char *to)
{
    int rc = pthread_mutex_trylock(&log_lock); // expect-related: CL005 {{locked here}}
    if (rc == EBUSY)
        return 0;
    if (rc != 0)
        return -1;
    if (rename(from, to) != 0)
        return -1; // expect: CL005 {{'log_rotate' returns with 'log_lock' still locked}}
    log_gen++;
    pthread_mutex_unlock(&log_lock);
    return 1;
}

static void *rotator(void *arg)
{
    log_rotate("a.log", "a.log.1");
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, rotator, NULL);
    log_rotate("b.log", "b.log.1");
    pthread_join(t, NULL);
    return 0;
}
