/* Pattern: recursive mutex taken twice by the same thread, data touched
 * after the inner unlock.
 * Verdict: race-free. journal_append() holds j_lock (PTHREAD_MUTEX_RECURSIVE)
 * and calls journal_flush(), which locks and unlocks it again; after that
 * inner unlock the outer hold remains, so the update of `tail` that
 * follows is still under j_lock.
 */
// class: recursive-and-typed-locks
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t j_lock;
static int pending_bytes;
static int tail;

static void journal_flush(void)
{
    pthread_mutex_lock(&j_lock);
    pending_bytes = 0;
    pthread_mutex_unlock(&j_lock);
}

static void journal_append(int n)
{
    pthread_mutex_lock(&j_lock);
    pending_bytes += n;
    if (pending_bytes > 512)
        journal_flush();
    tail += n;
    pthread_mutex_unlock(&j_lock);
}

static void *writer(void *arg)
{
    for (int i = 0; i < 1000; i++)
        journal_append(i % 64);
    return arg;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&j_lock, &a);
    pthread_mutexattr_destroy(&a);
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, writer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d %d\n", pending_bytes, tail);
    return 0;
}
