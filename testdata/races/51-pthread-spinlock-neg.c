/* Pattern: pthread spinlock.
 * Verdict: race-free. `free_slots` is accessed only between
 * pthread_spin_lock and pthread_spin_unlock on the same spinlock.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static pthread_spinlock_t slot_lock;
static int free_slots = 64;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_spin_lock(&slot_lock);
        if (free_slots > 0)
            free_slots--;
        else
            free_slots = 64;
        pthread_spin_unlock(&slot_lock);
    }
    return arg;
}

int main(void)
{
    pthread_spin_init(&slot_lock, PTHREAD_PROCESS_PRIVATE);
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_spin_destroy(&slot_lock);
    printf("%d\n", free_slots);
    return 0;
}
