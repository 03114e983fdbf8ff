/* Pattern: each thread claims a slot number from a counter under a mutex
 * (`me = next_slot++` inside lock/unlock) and then fills that slot of a
 * global array without the lock.
 * Verdict: race-free. The locked counter gives every thread a different
 * slot; main reads the array after joining all threads.
 */
#include <pthread.h>
#include <stdio.h>

// class: per-thread-slots
// expect-none

enum { NT = 16 };

static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;
static int next_slot;
static int marks[NT];

static void *fill(void *arg)
{
    pthread_mutex_lock(&slot_lock);
    int me = next_slot++;
    pthread_mutex_unlock(&slot_lock);
    marks[me] = 1;
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, fill, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    int sum = 0;
    for (int i = 0; i < NT; i++)
        sum += marks[i];
    printf("%d\n", sum);
    return 0;
}
