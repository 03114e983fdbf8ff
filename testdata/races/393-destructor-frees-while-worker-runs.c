/* Pattern: a library keeps statistics that a detached flusher thread
 * updates; its destructor function (run after main returns) resets them.
 * Verdict: racy. Returning from main does not stop the detached thread:
 * the destructor's writes race with the flusher's.
 */
#include <pthread.h>
#include <unistd.h>

struct stats {
    long flushed;
    long bytes;
};

static struct stats lib_stats;

static void *flusher(void *arg)
{
    (void)arg;
    for (;;) {
        lib_stats.flushed++; // expect: CL002
        lib_stats.bytes += 512;
        usleep(1000);
    }
    return NULL;
}

__attribute__((destructor)) static void lib_fini(void)
{
    lib_stats.flushed = 0;
    lib_stats.bytes = 0;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, flusher, NULL) != 0)
        return 1;
    pthread_detach(t);
    return 0;
}
