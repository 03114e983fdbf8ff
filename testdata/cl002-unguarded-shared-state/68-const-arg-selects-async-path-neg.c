/* Pattern: a close helper with an `async` flag parameter: `if (async)`
 * only queues the connection for the main thread, else it frees it at once
 * and updates the shared connection count. The worker threads (started in
 * a loop) always call it as close_conn(c, 1); only the main thread calls
 * close_conn(c, 0). The constant argument selects the alternative.
 * Verdict: race-free: `open_conns` is written by the main thread only, and
 * the queue under its lock.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct conn { int fd; struct conn *next; };
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static struct conn *close_queue;
static long open_conns;

static void close_conn(struct conn *c, int async)
{
    if (async) {
        pthread_mutex_lock(&q_lock);
        c->next = close_queue;
        close_queue = c;
        pthread_mutex_unlock(&q_lock);
    } else {
        open_conns--; // expect-none
        free(c);
    }
}

static void *worker(void *arg)
{
    (void)arg;
    struct conn *c = malloc(sizeof *c);
    if (c != NULL)
        close_conn(c, 1);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    struct conn *mine = malloc(sizeof *mine);
    if (mine != NULL)
        close_conn(mine, 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", open_conns);
    return 0;
}
