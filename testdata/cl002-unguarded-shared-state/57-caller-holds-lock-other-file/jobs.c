/* CL002 multi-file negative (lock held by the caller in another file): the
 * job table lives here, file-static, and these functions take no lock; every
 * caller, all in scheduler.c, holds jobs_mutex around the call.
 */
// expect-none
#include "jobs.h"

#define MAX_JOBS 256

static struct { unsigned id, prio; } table[MAX_JOBS];
static unsigned njobs;

int jobs_enqueue_locked(unsigned id, unsigned prio)
{
    if (njobs == MAX_JOBS)
        return -1;
    table[njobs].id = id;
    table[njobs].prio = prio;
    njobs++;
    return 0;
}

int jobs_take_locked(unsigned *id)
{
    unsigned best = 0;
    if (njobs == 0)
        return -1;
    for (unsigned i = 1; i < njobs; i++)
        if (table[i].prio > table[best].prio)
            best = i;
    *id = table[best].id;
    table[best] = table[--njobs];
    return 0;
}

unsigned jobs_pending_locked(void)
{
    return njobs;
}
