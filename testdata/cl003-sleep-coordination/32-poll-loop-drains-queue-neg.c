/* CL003 negative: a worker loop that sleeps only when the queue is empty
 * but processes an item on every other iteration. The loop does real work
 * (process_item, the dequeue): a polling consumer is a performance smell,
 * but the body is not "just the sleep". Counted as a work loop on purpose
 * (precision first).
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

#define QCAP 128

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static int q_items[QCAP];                /* guarded by q_lock */
static unsigned q_head, q_len;           /* guarded by q_lock */
static int q_closed;                     /* guarded by q_lock */

void process_item(int item);             /* work.c */

static void *worker_main(void *arg)
{
    (void)arg;
    for (;;) {
        int item = -1, closed;
        pthread_mutex_lock(&q_lock);
        closed = q_closed;
        if (q_len > 0) {
            item = q_items[q_head];
            q_head = (q_head + 1) % QCAP;
            q_len--;
        }
        pthread_mutex_unlock(&q_lock);
        if (item >= 0)
            process_item(item);
        else if (closed)
            break;
        else
            usleep(1000);
    }
    return NULL;
}

int main(void)
{
    pthread_t worker;
    pthread_create(&worker, NULL, worker_main, NULL);
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&q_lock);
        if (q_len < QCAP) {
            q_items[(q_head + q_len) % QCAP] = i;
            q_len++;
        }
        pthread_mutex_unlock(&q_lock);
    }
    pthread_mutex_lock(&q_lock);
    q_closed = 1;
    pthread_mutex_unlock(&q_lock);
    pthread_join(worker, NULL);
    return 0;
}
