/* Pattern: a loop from a constant to the next constant (`for (i = 3; i <
 * 4; i++)`) starts the logger thread, which appends to a buffer it owns
 * while it runs.
 * Verdict: race-free. The loop runs once: one logger, joined before main
 * reads the buffer.
 */
// class: spawn-count
// expect-none
#include <pthread.h>

static char logbuf[256];
static int loglen;

static void *logger(void *arg)
{
    for (int i = 0; i < 10 && loglen < 255; i++)
        logbuf[loglen++] = 'x';
    return arg;
}

int main(void)
{
    pthread_t t;
    for (int level = 3; level < 4; level++)
        pthread_create(&t, NULL, logger, NULL);
    pthread_join(t, NULL);
    return logbuf[0] + loglen;
}
