/* Pattern: the worker counts failed attempts in a global on the trylock
 * failure path, where it holds no lock.
 * Verdict: racy: `contended++` runs in several threads with no lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: trylock-branches

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int pending, contended;

static void *producer(void *arg)
{
    for (int i = 0; i < 100; i++) {
        if (pthread_mutex_trylock(&m) == 0) {
            pending++;
            pthread_mutex_unlock(&m);
        } else {
            contended++; // expect: CL002
        }
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, producer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d %d\n", pending, contended);
    return 0;
}
