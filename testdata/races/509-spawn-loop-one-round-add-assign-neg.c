/* Pattern: a one-entry table of loggers started by a loop stepping with
 * `i += 1` (`for (int i = 0; i < NLOG; i += 1)`, NLOG 1); the logger thread
 * appends to a global buffer, and a second loop `for (i = 0; i <= 0; i++)`
 * joins it.
 * Verdict: race-free. The loops run one round: one logger, joined before
 * main reads the buffer.
 */
// class: spawn-count
// expect-none
#include <pthread.h>
#include <string.h>

#define NLOG 1

struct logger {
    pthread_t tid;
    const char *tag;
};

static struct logger loggers[NLOG];
static char buffer[256];
static size_t used;

static void *log_thread(void *arg)
{
    struct logger *l = arg;
    size_t n = strlen(l->tag);
    if (used + n < sizeof buffer) {
        memcpy(buffer + used, l->tag, n);
        used += n;
    }
    return NULL;
}

int main(void)
{
    for (int i = 0; i < NLOG; i += 1) {
        loggers[i].tag = "boot ";
        pthread_create(&loggers[i].tid, NULL, log_thread, &loggers[i]);
    }
    for (int i = 0; i <= 0; i++)
        pthread_join(loggers[i].tid, NULL);
    return buffer[0] != 'b' || used == 0;
}
