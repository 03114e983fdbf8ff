/* Pattern: a log writer with a single exit label. An oversized record
 * jumps to `out` before the lock is taken; the byte counter at `out` is
 * shared by every path, and the unlock there is guarded by a `locked`
 * flag set after the lock.
 * Verdict: racy. The oversized path adds to `log_stats.dropped_bytes`
 * with no lock while a normal write adds to it under log_lock.
 */
// class: conditional-locking
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#define MAX_RECORD 256
struct log_stats { size_t written_bytes, dropped_bytes; };
static struct log_stats log_stats;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char ring[4096];
static size_t ring_pos;

static int log_write(const char *rec, size_t len)
{
    int locked = 0, rc = -1;
    if (len > MAX_RECORD)
        goto out;
    pthread_mutex_lock(&log_lock);
    locked = 1;
    if (ring_pos + len > sizeof ring)
        ring_pos = 0;
    memcpy(ring + ring_pos, rec, len);
    ring_pos += len;
    log_stats.written_bytes += len;
    rc = 0;
out:
    log_stats.dropped_bytes += rc ? len : 0; // expect: CL002
    if (locked)
        pthread_mutex_unlock(&log_lock);
    return rc;
}

static void *producer(void *arg)
{
    static const char big[MAX_RECORD * 2] = "x";
    size_t len = arg != NULL ? sizeof big : 16;
    for (int i = 0; i < 100; i++)
        log_write(big, len);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, producer, NULL);
    pthread_create(&b, NULL, producer, &a);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(log_stats.written_bytes & 1);
}
