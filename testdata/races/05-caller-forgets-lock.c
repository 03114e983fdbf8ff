/* Pattern: lock held by the caller, one caller forgets.
 * Verdict: racy. stats_note() requires stats_lock. The request thread calls
 * it with the lock held; the housekeeping thread calls it bare. The write in
 * stats_note() reached from housekeeping() lacks the lock.
 */
#include <pthread.h>

static unsigned long events;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

/* requires stats_lock */
static void stats_note(void)
{
    events++; // expect: CL002
}

static void *requests(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&stats_lock);
        stats_note();
        pthread_mutex_unlock(&stats_lock);
    }
    return arg;
}

static void *housekeeping(void *arg)
{
    for (int i = 0; i < 100; i++)
        stats_note();                 /* lock not taken */
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, requests, NULL);
    pthread_create(&b, NULL, housekeeping, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(events & 1);
}
