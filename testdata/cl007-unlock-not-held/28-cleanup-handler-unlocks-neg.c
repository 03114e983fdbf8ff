/* CL007 negative: glibc's pthread_cleanup_push/pop around a locked
 * section, the handler unlocking the mutex it is given. The pop runs the
 * handler with the lock held; the macro's cancellation branch (the
 * setjmp returning again) runs only when the thread is cancelled inside
 * the section, and then unwinds.
 */
// class: cleanup-handlers
// expect-none
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int ticks;

static void unlock_it(void *a)
{
    pthread_mutex_unlock(a);
}

static void step(void)
{
    pthread_cleanup_push(unlock_it, &m);
    pthread_mutex_lock(&m);
    ticks++;
    pthread_testcancel();
    pthread_cleanup_pop(1);
}

static void *worker(void *p)
{
    for (;;) {
        step();
        sleep(1);
    }
    return p;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    step();
    pthread_cancel(t);
    pthread_join(t, NULL);
    return 0;
}
