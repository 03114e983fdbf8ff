/* Pattern: a consumer counts its round under a statistics lock, then pops
 * the queue head in one critical section of the queue's lock and works on
 * the item outside it.
 * Verdict: race-free. The unlock of the statistics lock comes before the
 * head is read; the read and the unlink are one critical section.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stddef.h>

struct item { struct item *next; int hits; };

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item *q_head;
static long rounds;

static void *consumer(void *arg)
{
    (void)arg;
    for (int n = 0; n < 100; n++) {
        pthread_mutex_lock(&stats_lock);
        rounds++;
        pthread_mutex_unlock(&stats_lock);
        pthread_mutex_lock(&q_lock);
        struct item *it = q_head;
        if (it != NULL)
            q_head = it->next;
        pthread_mutex_unlock(&q_lock);
        if (it != NULL)
            it->hits++;
    }
    return NULL;
}

int main(void)
{
    static struct item items[4];
    for (int i = 0; i < 4; i++) {
        items[i].next = q_head;
        q_head = &items[i];
    }
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, consumer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
