/* Pattern: verification-benchmark driver model. The thread is started in
 * a register function only when an arbitrary condition holds, and joined
 * in a separate deregister function through the global handle; the module
 * writes `pdev` before registering and after deregistering, and the
 * thread writes it under the mutex.
 * Verdict: race-free. Main's writes are ordered by the create and the
 * join; the failure path never started the thread.
 */
#include <pthread.h>
#include <stdio.h>

// class: nondet-drivers

int __VERIFIER_nondet_int(void);

static pthread_t hw_tid;
static pthread_mutex_t hw_lock = PTHREAD_MUTEX_INITIALIZER;
static int pdev;

static void *hw_thread(void *arg)
{
    while (__VERIFIER_nondet_int()) {
        pthread_mutex_lock(&hw_lock);
        pdev = 6;
        pthread_mutex_unlock(&hw_lock);
    }
    return arg;
}

static int register_hw(void)
{
    if (__VERIFIER_nondet_int()) {
        pthread_create(&hw_tid, NULL, hw_thread, NULL);
        return 0;
    }
    return -1;
}

static void deregister_hw(void)
{
    pthread_join(hw_tid, NULL);
}

static int module_init(void)
{
    pdev = 1;
    if (register_hw() != 0) {
        pdev = 3; // fp-todo: CL002 -- the thread is started only when register_hw returns 0, and joined on that path
        return -1;
    }
    return 0;
}

static void module_exit(void)
{
    deregister_hw();
    pdev = 5;
}

int main(void)
{
    if (module_init() == 0)
        module_exit();
    printf("%d\n", pdev); // fp-todo: CL002 -- the thread is started only when register_hw returns 0, and joined on that path
    return 0;
}
