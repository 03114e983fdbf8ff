/* CL007 negative: a waiter protects its condition wait with a cleanup
 * handler that unlocks a fixed mutex (its argument unused), popped with
 * 1 after the wait; a second waiter pops with 0 and unlocks itself.
 */
// class: cleanup-handlers
// expect-none
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int state;

static void unlock_m(void *a)
{
    (void)a;
    pthread_mutex_unlock(&m);
}

static int wait_for(int s)
{
    int st;
    pthread_cleanup_push(unlock_m, NULL);
    pthread_mutex_lock(&m);
    while (state != s)
        pthread_cond_wait(&c, &m);
    st = state;
    pthread_cleanup_pop(1);
    return st;
}

static int wait_any(void)
{
    int st;
    pthread_mutex_lock(&m);
    pthread_cleanup_push(unlock_m, NULL);
    while (state == 0)
        pthread_cond_wait(&c, &m);
    st = state;
    pthread_cleanup_pop(0);
    pthread_mutex_unlock(&m);
    return st;
}

static void *worker(void *p)
{
    pthread_mutex_lock(&m);
    state = 1;
    pthread_cond_broadcast(&c);
    pthread_mutex_unlock(&m);
    return p;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    wait_any();
    wait_for(1);
    pthread_join(t, NULL);
    return 0;
}
