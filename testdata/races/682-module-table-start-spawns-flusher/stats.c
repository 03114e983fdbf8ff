/* Pattern: a server with loadable-style modules, each file defining its
 * own operations object; main starts every module through a registry of
 * pointers (`registry[i]->start()`), as knot's modules and rsyslog's input
 * modules do. With three objects of the type, the call through the member
 * is not resolved to any one module, so the modules' start functions are
 * reached from no walk of main: they are walked as entry points whose
 * callers the model does not know.
 * Verdict: racy. stats_start() starts the flusher and then resets
 * `stats_pending` without the lock the flusher takes: the reset and the
 * flusher's update may run at once. Only reachable through the module
 * table.
 */
// class: unresolved-entry
#include <pthread.h>
#include <unistd.h>

#include "module.h"

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long stats_pending, stats_flushed;
static pthread_t flusher;

static void *stats_flusher(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&stats_lock);
        stats_flushed += stats_pending;
        stats_pending = 0;
        pthread_mutex_unlock(&stats_lock);
        sleep(1);
    }
    return NULL;
}

static int stats_start(void)
{
    if (pthread_create(&flusher, NULL, stats_flusher, NULL) != 0)
        return -1;
    stats_pending = 0; // expect: CL002
    return 0;
}

static void stats_stop(void)
{
    pthread_cancel(flusher);
    pthread_join(flusher, NULL);
}

const struct module stats_module = { "stats", stats_start, stats_stop };
