/* CL005 negative (multipath-tools' waiter loop): a function a thread
 * calls in a loop takes the lock inside an `if` with a cleanup handler
 * (defined with external linkage, unlocking through its void *
 * argument), pops it with 1 and returns from inside the `if`. The pop
 * released the lock: no leak at that return, no double lock in the next
 * round, no sleep under the lock.
 */
// class: cleanup-handlers
// expect-none
#include <pthread.h>
#include <unistd.h>

void cleanup_mutex(void *arg);
void cleanup_mutex(void *arg)
{
    pthread_mutex_unlock(arg);
}

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int events;

static int wait_event(int r)
{
    if (!r) {
        pthread_cleanup_push(cleanup_mutex, &m);
        pthread_mutex_lock(&m);
        events++;
        pthread_testcancel();
        pthread_cleanup_pop(1);
        return 1;
    }
    return -1;
}

static void *waiter(void *p)
{
    int r;
    (void)p;
    while (1) {
        r = wait_event(0);
        if (r < 0)
            break;
        sleep((unsigned)r);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, waiter, NULL);
    pthread_detach(t);
    pause();
    return 0;
}
