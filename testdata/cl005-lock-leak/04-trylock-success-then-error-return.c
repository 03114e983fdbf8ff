/* CL005 positive: a stats flusher that must not wait for the stats lock.
 * The trylock's failure returns at once (correct); after the trylock
 * succeeded, a failed write returns without the unlock.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long hits, misses;

int stats_flush(FILE *out)
{
    if (pthread_mutex_trylock(&stats_lock) != 0)
        return -EBUSY;
    if (fprintf(out, "hits %lu misses %lu\n", hits, misses) < 0)
        return -EIO; // expect: CL005 {{'stats_lock'}}
    hits = misses = 0;
    pthread_mutex_unlock(&stats_lock);
    return 0;
}

static void *flusher(void *arg)
{
    for (int i = 0; i < 10; i++)
        stats_flush(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, flusher, stdout);
    pthread_mutex_lock(&stats_lock);
    hits++;
    pthread_mutex_unlock(&stats_lock);
    pthread_join(t, NULL);
    return 0;
}
