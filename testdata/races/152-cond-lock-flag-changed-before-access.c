/* Pattern: conditional locking whose condition changes between the lock
 * and the access.
 * Verdict: racy. `locked` decides whether hits_lock is taken, then is
 * incremented: a worker started with NULL skips the lock, and its second
 * `if (locked)` is then true, so it updates `hits` without the mutex.
 */
// class: conditional-locking
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t hits_lock = PTHREAD_MUTEX_INITIALIZER;
static long hits;

static void *worker(void *arg)
{
    int locked = arg != NULL;
    if (locked)
        pthread_mutex_lock(&hits_lock);
    locked++;
    if (locked)
        hits++; // expect: CL002
    if (arg != NULL)
        pthread_mutex_unlock(&hits_lock);
    return NULL;
}

int main(void)
{
    static int token;
    pthread_t a, b;
    pthread_create(&a, NULL, worker, &token);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld\n", hits);
    return 0;
}
