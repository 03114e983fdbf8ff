/* CL003 negative: a ticker thread whose loop body is a do { } while (0)
 * statistics macro (lock, increment, unlock) plus the sleep. The macro
 * writes shared memory on every iteration, so this is a periodic work loop
 * that ends when main sets `quit`, not a poll loop.
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

#define STAT_INC(lock, counter)                                                \
    do {                                                                       \
        pthread_mutex_lock(&(lock));                                           \
        (counter)++;                                                           \
        pthread_mutex_unlock(&(lock));                                         \
    } while (0)

static pthread_mutex_t tick_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long ticks;              /* guarded by tick_lock */
static int quit;                         /* guarded by tick_lock */

static int quitting(void)
{
    pthread_mutex_lock(&tick_lock);
    int q = quit;
    pthread_mutex_unlock(&tick_lock);
    return q;
}

static void *ticker_main(void *arg)
{
    (void)arg;
    while (!quitting()) {
        STAT_INC(tick_lock, ticks);
        usleep(10 * 1000);
    }
    return NULL;
}

int main(void)
{
    pthread_t ticker;
    if (pthread_create(&ticker, NULL, ticker_main, NULL) != 0)
        return 1;
    sleep(1);
    pthread_mutex_lock(&tick_lock);
    quit = 1;
    pthread_mutex_unlock(&tick_lock);
    return pthread_join(ticker, NULL);
}
