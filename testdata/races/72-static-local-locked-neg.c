/* Pattern: function-scope static variable guarded by a function-scope
 * static mutex.
 * Verdict: race-free. Both the counter and its mutex are static locals of
 * next_request_id(); every access holds the mutex.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4

static unsigned next_request_id(void)
{
    static pthread_mutex_t seq_lock = PTHREAD_MUTEX_INITIALIZER;
    static unsigned seq;
    pthread_mutex_lock(&seq_lock);
    unsigned id = ++seq;
    pthread_mutex_unlock(&seq_lock);
    return id;
}

static void *worker(void *arg)
{
    unsigned last = 0;
    for (int i = 0; i < 1000; i++)
        last = next_request_id();
    printf("%u\n", last);
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
