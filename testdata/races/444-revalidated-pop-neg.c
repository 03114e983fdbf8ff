/* Pattern: an optimistic consumer reads the head under the lock, prepares
 * outside it, then locks again and unlinks the item only if it is still
 * the head; it updates the item only when it unlinked it.
 * Verdict: race-free. The second critical section checks that nobody took
 * the item in between, so only one consumer unlinks and updates it.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stddef.h>

struct item { struct item *next; int hits; };

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item *q_head;

static void *consumer(void *arg)
{
    (void)arg;
    for (int n = 0; n < 100; n++) {
        pthread_mutex_lock(&q_lock);
        struct item *it = q_head;
        pthread_mutex_unlock(&q_lock);
        if (it == NULL)
            continue;
        int mine = 0;
        pthread_mutex_lock(&q_lock);
        if (q_head == it) {
            q_head = it->next;
            mine = 1;
        }
        pthread_mutex_unlock(&q_lock);
        if (mine)
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
