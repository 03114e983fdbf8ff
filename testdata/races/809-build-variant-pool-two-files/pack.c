/* The compressor: each block is packed by a pool job that adds to a
 * progress counter the caller polls. Built twice: as a library without
 * PACK_MT (listed first), and into the threaded tool with -DPACK_MT,
 * where the jobs run on workers and the counter is updated with no lock.
 */
#include <string.h>

#include "pack.h"
#include "pool.h"

static unsigned long progress;

static void pack_job(void *arg)
{
    const char *data = arg;
    progress += strlen(data); // expect: CL002
}

int pack_block(const char *data)
{
#ifdef PACK_MT
    return pool_run(pack_job, (void *)data);
#else
    pack_job((void *)data);
    return 0;
#endif
}

unsigned long pack_progress(void)
{
    return progress;
}
