/* CL002 positive: an error path jumps over the join to the cleanup label,
 * and the cleanup resets the buffer the worker is still filling. The join
 * orders the reset only on the success path. An analyzer that follows
 * `goto` in sequence walks the join on the error path too and misses the
 * race. It is reported at the worker's write (the side in the spawned thread
 * when both hold no lock), with the reset as the conflicting access.
 * Shaped like "if (setup fails) goto out;" ladders in daemons' start
 * routines.
 */
#include <pthread.h>
#include <stddef.h>

static char scratch[256];

static void *fill(void *arg)
{
    (void)arg;
    for (size_t i = 0; i + 1 < sizeof scratch; i++)
        scratch[i] = 'x'; // expect: CL002
    return NULL;
}

int setup_listener(void);

int start(void)
{
    pthread_t t;
    int rc = 0;
    if (pthread_create(&t, NULL, fill, NULL) != 0) // expect: CL011
        return -1;
    if (setup_listener() < 0) {
        rc = -1;
        goto out;
    }
    pthread_join(t, NULL);
out:
    scratch[0] = '\0';
    return rc;
}
