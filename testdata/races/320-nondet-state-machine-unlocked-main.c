/* Pattern: verification-benchmark style driver model. The worker is a
 * state machine driven by `__VERIFIER_nondet_int()` (an undefined
 * function that returns an arbitrary value); one state updates `pdev`
 * under the driver mutex. The creator writes `pdev` after starting it,
 * without the mutex, before joining.
 * Verdict: racy: main's write and the worker's locked write can overlap.
 */
#include <pthread.h>
#include <stdio.h>

// class: nondet-drivers

int __VERIFIER_nondet_int(void);

static pthread_t worker_tid;
static pthread_mutex_t dev_lock = PTHREAD_MUTEX_INITIALIZER;
static int pdev;

static void flush_dev(void)
{
    pthread_mutex_lock(&dev_lock);
    pdev = 6;
    pthread_mutex_unlock(&dev_lock);
}

static void *dev_thread(void *arg)
{
    for (;;) {
        switch (__VERIFIER_nondet_int()) {
        case 1:
            flush_dev();
            break;
        case 2:
            return arg;
        default:
            break;
        }
    }
}

int main(void)
{
    pdev = 1;
    pthread_create(&worker_tid, NULL, dev_thread, NULL);
    pdev = 4; // expect: CL002
    pthread_join(worker_tid, NULL);
    printf("%d\n", pdev);
    return 0;
}
