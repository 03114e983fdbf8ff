/* CL002 negative: lock held by the caller, helper in the same file. The
 * queue helpers `*_locked()` have no lock of their own; producers and the
 * consumer call them only between pthread_mutex_lock/unlock of q_lock, the
 * consumer while waiting on a condition variable.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

#define QCAP 128
#define NPRODUCERS 3

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_ready = PTHREAD_COND_INITIALIZER;
static int q_items[QCAP];
static size_t q_head, q_len;

static int push_locked(int v)
{
    if (q_len == QCAP)
        return -1;
    q_items[(q_head + q_len) % QCAP] = v;
    q_len++;
    return 0;
}

static int pop_locked(void)
{
    int v = q_items[q_head];
    q_head = (q_head + 1) % QCAP;
    q_len--;
    return v;
}

static void *producer_main(void *arg)
{
    int base = *(const int *)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&q_lock);
        if (push_locked(base + i) == 0)
            pthread_cond_signal(&q_ready);
        pthread_mutex_unlock(&q_lock);
    }
    return NULL;
}

static void *consumer_main(void *arg)
{
    long *sum = arg;
    for (int n = 0; n < 100; n++) {
        pthread_mutex_lock(&q_lock);
        while (q_len == 0)
            pthread_cond_wait(&q_ready, &q_lock);
        int v = pop_locked();
        pthread_mutex_unlock(&q_lock);
        *sum += v;
    }
    return NULL;
}

int main(void)
{
    static const int bases[NPRODUCERS] = { 0, 10000, 20000 };
    long sum = 0;
    pthread_t prod[NPRODUCERS], cons;
    pthread_create(&cons, NULL, consumer_main, &sum);
    for (int i = 0; i < NPRODUCERS; i++)
        pthread_create(&prod[i], NULL, producer_main, (void *)&bases[i]);
    for (int i = 0; i < NPRODUCERS; i++)
        pthread_join(prod[i], NULL);
    pthread_join(cons, NULL);
    return sum > 0 ? 0 : 1;
}
