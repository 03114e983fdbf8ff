/* Pattern: a log helper whose level parameter is compared with a
 * constant: `if (level >= LOG_DEBUG)` appends to the debug ring, which
 * only the main thread uses (it logs at LOG_DEBUG); the workers log at
 * LOG_WARN through the same helper, which then writes to stderr only.
 * Verdict: race-free: the ring and its index are touched by the main
 * thread only.
 */
#include <pthread.h>
#include <stdio.h>

enum { LOG_WARN = 1, LOG_INFO = 2, LOG_DEBUG = 3 };
static char ring[64][80];
static int ring_next;

static void log_at(int level, const char *msg)
{
    if (level >= LOG_DEBUG) {
        snprintf(ring[ring_next], sizeof ring[0], "%s", msg);
        ring_next = (ring_next + 1) % 64; // expect-none
    } else {
        fprintf(stderr, "%s\n", msg);
    }
}

static void *worker(void *arg)
{
    (void)arg;
    log_at(LOG_WARN, "worker starting");
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    log_at(LOG_DEBUG, "main waiting");
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
