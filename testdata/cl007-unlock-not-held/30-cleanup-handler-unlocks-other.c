/* CL007 positive: the cleanup handler is given the wrong mutex (`&b`
 * where the section locks `a`), so the pop unlocks `b`, which the thread
 * does not hold. (Reported at the pop only: the push's cancellation
 * branch is not walked.)
 */
// class: cleanup-handlers
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static int count;

static void unlock_it(void *p)
{
    pthread_mutex_unlock(p);
}

static void step(void)
{
    pthread_cleanup_push(unlock_it, &b);
    pthread_mutex_lock(&a);
    count++;
    pthread_cleanup_pop(1); // expect: CL007 {{(in 'unlock_it'}}
}

static void reset(void)
{
    pthread_mutex_lock(&a);
    count = 0;
    pthread_mutex_unlock(&a);
    pthread_mutex_lock(&b);
    pthread_mutex_unlock(&b);
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
    pthread_detach(t);
    reset();
    pause();
    return 0;
}
