/* CL001 negative: `while (1)` retries pthread_create while it fails with
 * EAGAIN and leaves the loop on the first success: one thread, not one per
 * iteration.
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <sched.h>

static void *flusher_main(void *arg)
{
    (void)arg;
    return NULL;
}

int start_flusher(pthread_t *tid)
{
    while (1) {
        int rc = pthread_create(tid, NULL, flusher_main, NULL);
        if (rc == 0)
            break;
        if (rc != EAGAIN)
            return -1;
        sched_yield();
    }
    return 0;
}
