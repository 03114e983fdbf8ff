/* CL003 positive: a consumer thread polls the queue depth under the lock,
 * and when it is empty releases the lock and nanosleep()s 5 ms before
 * looking again. The inner loop only polls state the producer writes: it
 * should wait on a condition variable.
 */
#include <pthread.h>
#include <time.h>

#define QCAP 64

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static int q_items[QCAP];                /* guarded by q_lock */
static unsigned q_head, q_len;           /* guarded by q_lock */

static void *consumer_main(void *arg)
{
    long *sum = arg;
    const struct timespec idle = { 0, 5 * 1000 * 1000 };
    for (int n = 0; n < 1000; n++) {
        int v = 0, have;
        for (;;) {
            pthread_mutex_lock(&q_lock);
            have = q_len > 0;
            if (have) {
                v = q_items[q_head];
                q_head = (q_head + 1) % QCAP;
                q_len--;
            }
            pthread_mutex_unlock(&q_lock);
            if (have)
                break;
            nanosleep(&idle, NULL); // expect: CL003
        }
        *sum += v;
    }
    return NULL;
}

int main(void)
{
    long sum = 0;
    pthread_t consumer;
    pthread_create(&consumer, NULL, consumer_main, &sum);
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&q_lock);
        if (q_len < QCAP) {
            q_items[(q_head + q_len) % QCAP] = i;
            q_len++;
        } else {
            i--;                         /* full: try the same item again */
        }
        pthread_mutex_unlock(&q_lock);
    }
    pthread_join(consumer, NULL);
    return sum > 0 ? 0 : 1;
}
