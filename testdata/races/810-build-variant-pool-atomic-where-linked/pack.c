/* The race-free twin of 809: the threaded build (-DPACK_MT, the tool's)
 * updates and reads the progress counter with atomics; the build without
 * threads (the library's, listed first) uses plain accesses, and no
 * thread of the tool runs it.
 */
// expect-none
#include <string.h>

#include "pack.h"
#include "pool.h"

static unsigned long progress;

static void pack_job(void *arg)
{
    const char *data = arg;
#ifdef PACK_MT
    __atomic_fetch_add(&progress, strlen(data), __ATOMIC_RELAXED);
#else
    progress += strlen(data);
#endif
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
#ifdef PACK_MT
    return __atomic_load_n(&progress, __ATOMIC_RELAXED);
#else
    return progress;
#endif
}
