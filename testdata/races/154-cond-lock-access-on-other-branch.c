/* Pattern: the lock is taken when `fast` is false, the access runs when
 * it is false too (`if (!fast)`), written the other way round.
 * Verdict: racy. With `fast` set the lock is skipped; the update sits
 * under `if (fast)`, i.e. exactly on the path without the lock, and
 * every writer instance runs it.
 */
// class: conditional-locking
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static int queued;

static void enqueue(int fast)
{
    if (!fast)
        pthread_mutex_lock(&q_lock);
    if (fast)
        queued++; // expect: CL002
    if (!fast)
        pthread_mutex_unlock(&q_lock);
}

static void *writer(void *arg)
{
    for (int i = 0; i < 100; i++)
        enqueue(i & 1);
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, writer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", queued);
    return 0;
}
