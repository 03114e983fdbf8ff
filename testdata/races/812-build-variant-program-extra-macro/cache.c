/* A cache module built twice: with -DCACHE_THREADED (an evictor thread
 * trims the entry count) and without (no thread). Two programs link it:
 * the daemon, built with -DCACHE_THREADED and a -DPROGRAM_NAME of its own,
 * and the command-line tool, built without threads and with its own
 * -DPROGRAM_NAME. Each program links the build its threading macro
 * selects, whatever else it defines: the daemon's update of the count
 * races with the evictor; the tool's, in a program with no thread, does
 * not.
 */
#include <pthread.h>
#include <unistd.h>

#include "cache.h"

long cache_entries;

#ifdef CACHE_THREADED
static void *evictor(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(1);
        if (cache_entries > 100) // expect: CL002
            cache_entries = 100; // expect: CL002
    }
    return NULL;
}

int cache_start(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, evictor, NULL) != 0)
        return -1;
    return pthread_detach(t);
}
#else
int cache_start(void)
{
    return 0;
}
#endif
