/* Pattern: the close helper of 68, but the workers call it with
 * async = 0: the constant selects the branch that frees at once and
 * updates the shared count.
 * Verdict: racy: `open_conns--` runs in the workers (started in a loop)
 * and in the main thread without a lock.
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
        open_conns--; // expect: CL002
        free(c);
    }
}

static void *worker(void *arg)
{
    (void)arg;
    struct conn *c = malloc(sizeof *c);
    if (c != NULL)
        close_conn(c, 0);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    struct conn *mine = malloc(sizeof *mine);
    if (mine != NULL)
        close_conn(mine, 1);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", open_conns);
    return 0;
}
