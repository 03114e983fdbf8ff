/* CL011 positive: the loop starts a compactor whenever the free space is
 * low; the condition reads a shared counter but the branch does not set
 * any flag, so every low round starts a new compactor into the one
 * handle, and the earlier ones are never joined.
 */
#include <pthread.h>
#include <unistd.h>

static long free_blocks = 1000;
static pthread_t compactor;

static void *compact(void *arg)
{
    __atomic_add_fetch(&free_blocks, 100, __ATOMIC_RELAXED);
    return arg;
}

void ingest(int in)
{
    char buf[512];
    while (read(in, buf, sizeof buf) > 0) {
        if (__atomic_sub_fetch(&free_blocks, 1, __ATOMIC_RELAXED) < 100)
            pthread_create(&compactor, NULL, compact, NULL); // expect: CL011
    }
}
