/* CL009 positive: a get helper with no loop waits under an `if` and
 * re-tests the slot after the wait, but the branch of the re-test falls
 * through to the read of the slot instead of leaving. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lk = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t filled = PTHREAD_COND_INITIALIZER;
static int slot_full, slot;

static int get(void)
{
    int v;
    pthread_mutex_lock(&lk);
    if (!slot_full) {
        pthread_cond_wait(&filled, &lk); // expect: CL009 {{an 'if' tests it only once}}
        if (!slot_full)
            fprintf(stderr, "woke with an empty slot\n");
    }
    v = slot;
    slot_full = 0;
    pthread_mutex_unlock(&lk);
    return v;
}

static void *getter(void *arg)
{
    (void)arg;
    for (int i = 0; i < 4; i++)
        printf("%d\n", get());
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, getter, NULL);
    pthread_mutex_lock(&lk);
    slot = 7;
    slot_full = 1;
    pthread_cond_signal(&filled);
    pthread_mutex_unlock(&lk);
    pthread_join(t, NULL);
    return 0;
}
