/* CL007 negative (a background compactor): the bounded retry loop gives
 * up after a few tries and returns at once, so the unlock after the loop
 * runs only when a trylock succeeded.
 */
// class: trylock-failed-path
// expect-none
#include <pthread.h>
#include <sched.h>

static pthread_mutex_t db_lock = PTHREAD_MUTEX_INITIALIZER;
static int compactions;

static int compact(void)
{
    int tries = 0;
    while (pthread_mutex_trylock(&db_lock) != 0) {
        if (++tries > 3)
            return -1;
        sched_yield();
    }
    compactions++;
    pthread_mutex_unlock(&db_lock);
    return 0;
}

static void *compactor(void *arg)
{
    compact();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, compactor, NULL);
    pthread_create(&b, NULL, compactor, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
