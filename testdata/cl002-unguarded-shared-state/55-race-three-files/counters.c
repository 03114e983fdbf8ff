/* CL002 multi-file negative part. Shared case 55, file 1 of 3: the globals.
 * rx_dropped is defined here and never touched here; its racy increment is
 * in drops.c, and the thread entry that reaches it is in rx_worker.c.
 * note_rx_delivered() is the intended, locked use of the sibling counter.
 */
// expect-none
#include "netstats.h"

pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
unsigned long rx_delivered;
unsigned long rx_dropped;

void note_rx_delivered(void)
{
    pthread_mutex_lock(&stats_lock);
    rx_delivered++;
    pthread_mutex_unlock(&stats_lock);
}
