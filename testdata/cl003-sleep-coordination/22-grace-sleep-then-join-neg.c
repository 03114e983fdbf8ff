/* CL003 negative: sleep then pthread_join. On shutdown main asks the
 * flusher to stop, gives it a one-second grace period for in-flight writes
 * (a user-visible delay, not the synchronization) and then joins it before
 * reading the count it wrote. The join is what orders the read.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static atomic_bool stop_flush;
static unsigned long flushed;            /* written by the flusher only */

void flush_some(void);                   /* journal.c */

static void *flusher_main(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop_flush)) {
        flush_some();
        flushed++;
    }
    return NULL;
}

int main(void)
{
    pthread_t flusher;
    if (pthread_create(&flusher, NULL, flusher_main, NULL) != 0)
        return 1;
    getchar();                           /* run until the operator hits enter */
    atomic_store(&stop_flush, true);
    sleep(1);
    pthread_join(flusher, NULL);
    printf("flushed %lu batches\n", flushed);
    return 0;
}
