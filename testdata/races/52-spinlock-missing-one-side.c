/* Pattern: pthread spinlock used on one side only.
 * Verdict: racy. The allocator takes slot_lock around `free_slots`; the
 * refill thread resets it without the spinlock. The unlocked write carries
 * the expectation.
 */
#include <pthread.h>

static pthread_spinlock_t slot_lock;
static int free_slots = 64;

static void *allocator(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_spin_lock(&slot_lock);
        if (free_slots > 0)
            free_slots--;
        pthread_spin_unlock(&slot_lock);
    }
    return arg;
}

static void *refill(void *arg)
{
    for (int i = 0; i < 10; i++)
        free_slots = 64; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_spin_init(&slot_lock, PTHREAD_PROCESS_PRIVATE);
    pthread_t a, b;
    pthread_create(&a, NULL, allocator, NULL);
    pthread_create(&b, NULL, refill, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_spin_destroy(&slot_lock);
    return free_slots;
}
