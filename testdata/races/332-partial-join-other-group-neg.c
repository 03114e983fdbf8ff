/* Pattern: two kinds of threads: a loader that fills `table_size` and a
 * ticker that only counts `ticks` (under its own lock). Main joins the
 * loader, reads `table_size`, then stops and joins the ticker.
 * Verdict: race-free. Main's read of table_size comes after joining the
 * only thread that writes it; the ticker never touches it.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

// class: partial-join
// expect-none

static int table_size;
static atomic_int stop;
static pthread_mutex_t tick_lock = PTHREAD_MUTEX_INITIALIZER;
static long ticks;

static void *loader(void *arg)
{
    table_size = 4096;
    return arg;
}

static void *ticker(void *arg)
{
    while (!atomic_load(&stop)) {
        pthread_mutex_lock(&tick_lock);
        ticks++;
        pthread_mutex_unlock(&tick_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t l, k;
    pthread_create(&k, NULL, ticker, NULL);
    pthread_create(&l, NULL, loader, NULL);
    pthread_join(l, NULL);
    printf("%d\n", table_size);
    atomic_store(&stop, 1);
    pthread_join(k, NULL);
    printf("%ld\n", ticks);
    return 0;
}
