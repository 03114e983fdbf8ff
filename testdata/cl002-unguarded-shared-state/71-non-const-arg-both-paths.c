/* Pattern: the log helper of 69, but the workers pass a level computed at
 * run time (from their argument): no constant selects the alternative, so
 * both are walked for the workers.
 * Verdict: racy: `ring_next` and the ring entry are read and written by
 * the workers and by the main thread without a lock. The read of
 * `ring_next` as the index and its update are one defect, reported at the
 * update.
 */
#include <pthread.h>
#include <stdio.h>

enum { LOG_WARN = 1, LOG_INFO = 2, LOG_DEBUG = 3 };
static char ring[64][80];
static int ring_next;

static void log_at(int level, const char *msg)
{
    if (level >= LOG_DEBUG) {
        snprintf(ring[ring_next], sizeof ring[0], "%s", msg); // expect: CL002 {{write to 'ring[]'}}
        ring_next = (ring_next + 1) % 64; // expect: CL002 {{write to 'ring_next'}}
    } else { // expect-related@-2: CL002 {{conflicting read of 'ring_next'}}
        fprintf(stderr, "%s\n", msg);
    }
}

static void *worker(void *arg)
{
    log_at((int)(long)arg, "worker starting");
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)(i + LOG_INFO));
    log_at(LOG_DEBUG, "main waiting");
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
