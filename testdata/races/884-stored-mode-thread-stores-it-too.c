/* Pattern: the worker stores a state and then tests it, while main,
 * after starting the worker, stores another state.
 * Verdict: racy: main's store can land between the worker's store and its
 * test, so the worker's branch can be taken beside main's own update of
 * log_count. A stored value decides nothing when another thread can store.
 */
// class: stored-mode
#include <pthread.h>
enum { S_IDLE, S_BUSY, S_CANCELLED };
static _Atomic int state;
static long log_count;

static void *worker(void *arg)
{
    (void)arg;
    state = S_BUSY;
    if (state == S_CANCELLED) {
        log_count++; // expect: CL002
        return NULL;
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    state = S_IDLE;
    if (pthread_create(&t, NULL, worker, NULL) != 0)
        return 1;
    state = S_CANCELLED;
    log_count++;
    pthread_join(t, NULL);
    return (int)log_count;
}
