/* Pattern: conditional locking with an unchanged condition.
 * Verdict: race-free. `locked` is set once from the argument; the lock,
 * the access and the unlock are all under `if (locked)`: a worker that
 * skips the lock also skips the update.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t hits_lock = PTHREAD_MUTEX_INITIALIZER;
static long hits;

static void *worker(void *arg)
{
    int locked = arg != NULL;
    for (int i = 0; i < 100; i++) {
        if (locked)
            pthread_mutex_lock(&hits_lock);
        if (locked)
            hits++;
        if (locked)
            pthread_mutex_unlock(&hits_lock);
    }
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
