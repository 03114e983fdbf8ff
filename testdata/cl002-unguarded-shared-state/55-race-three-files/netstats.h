/* Shared case 55, shared header: counters of a packet receive path. The
   global is defined in counters.c, the unlocked access is in drops.c, and the
   thread entry that reaches it is in rx_worker.c. */
// expect-none
#ifndef NETSTATS_H
#define NETSTATS_H

#include <pthread.h>

#define MIN_FRAME 20                      /* room for an IPv4 header */
#define MAX_FRAME 1514                    /* longest untagged Ethernet frame */

extern pthread_mutex_t stats_lock;        /* counters.c */
extern unsigned long rx_delivered;        /* counters.c, guarded by stats_lock */
extern unsigned long rx_dropped;          /* counters.c, meant to be guarded too */

void note_rx_delivered(void);             /* counters.c: locks */
void note_rx_drop(unsigned len);          /* drops.c: does not */
void *rx_worker_main(void *arg);          /* rx_worker.c: thread entry */

#endif
