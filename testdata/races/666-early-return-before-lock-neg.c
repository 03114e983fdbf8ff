/* Pattern: argument checks that return early before a lock, then the
 * update and the unlock, then a second test of the same flag after the
 * unlock that touches only the caller's memory.
 * Verdict: race-free. The early returns skip the update as well as the
 * lock; `sessions.count` is always written under sessions.lock.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <stddef.h>

struct sessions { pthread_mutex_t lock; long count; long bytes; };
static struct sessions sessions = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };

static int session_add(const char *user, size_t len, int *status)
{
    int anonymous = user == NULL;
    if (anonymous)
        return -1;
    if (len == 0)
        return 0;
    pthread_mutex_lock(&sessions.lock);
    sessions.count++;
    sessions.bytes += (long)len;
    pthread_mutex_unlock(&sessions.lock);
    if (!anonymous)
        *status = 1;
    return 1;
}

static void *worker(void *arg)
{
    int status = 0;
    for (size_t i = 0; i < 100; i++)
        session_add(arg, i, &status);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, "root");
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(sessions.count & 1);
}
