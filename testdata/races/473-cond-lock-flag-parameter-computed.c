/* Pattern: a "need_lock" parameter whose callers compute it at run time
 * instead of passing a constant: the event loop passes whether the event
 * came from another thread, and that is false for most events.
 * Verdict: racy. Both threads call log_event with need_lock false on some
 * events and append to the shared ring without the lock.
 */
// class: conditional-locking
#include <pthread.h>

#define RING 64
static int ring[RING];
static unsigned ring_head;
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;

static void log_event(int ev, int need_lock)
{
    if (need_lock)
        pthread_mutex_lock(&ring_lock);
    ring[ring_head % RING] = ev; // expect: CL002
    ring_head++; // expect: CL002
    if (need_lock)
        pthread_mutex_unlock(&ring_lock);
}

static void *loop(void *arg)
{
    int self = *(int *)arg;
    for (int ev = 0; ev < 1000; ev++)
        log_event(ev, ev % 7 != self);
    return NULL;
}

int main(void)
{
    static int ids[2] = { 0, 1 };
    pthread_t a, b;
    pthread_create(&a, NULL, loop, &ids[0]);
    pthread_create(&b, NULL, loop, &ids[1]);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)ring_head;
}
