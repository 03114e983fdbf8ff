/* CL002 negative: a function-scope static used correctly. The request-id
 * generator guards its static counter with its own static mutex, so the
 * workers (started in a loop) never race on it.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4

static unsigned long next_request_id(void)
{
    static pthread_mutex_t seq_lock = PTHREAD_MUTEX_INITIALIZER;
    static unsigned long seq;
    pthread_mutex_lock(&seq_lock);
    unsigned long id = ++seq;
    pthread_mutex_unlock(&seq_lock);
    return id;
}

static void *worker_main(void *arg)
{
    char tag[64];
    for (int i = 0; i < 1000; i++)
        snprintf(tag, sizeof tag, "%s-%lu", (const char *)arg, next_request_id());
    return NULL;
}

int main(void)
{
    static const char *const names[NWORKERS] = { "a", "b", "c", "d" };
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, worker_main, (void *)names[i]);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
