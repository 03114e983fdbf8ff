/* Pattern: the producer pushes an item and sets its sequence number
 * before it releases the lock; the consumer pops under the same lock and
 * reads the number after unlocking.
 * Verdict: race-free. The consumer can take the item only after the
 * producer released the lock, so the write happens before the pop.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct msg { struct msg *next; long seq; };
struct mailbox { pthread_mutex_t mu; struct msg *first; long next_seq; };

static struct mailbox box = { PTHREAD_MUTEX_INITIALIZER, NULL, 0 };
static long last_seen;

static void *reader(void *arg)
{
    struct mailbox *b = arg;
    for (int n = 0; n < 100; n++) {
        pthread_mutex_lock(&b->mu);
        struct msg *m = b->first;
        if (m != NULL)
            b->first = m->next;
        pthread_mutex_unlock(&b->mu);
        if (m != NULL) {
            last_seen = m->seq;
            free(m);
        }
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, &box);
    for (int i = 0; i < 10; i++) {
        struct msg *m = malloc(sizeof *m);
        if (m == NULL)
            break;
        pthread_mutex_lock(&box.mu);
        m->next = box.first;
        box.first = m;
        m->seq = box.next_seq++;
        pthread_mutex_unlock(&box.mu);
    }
    pthread_join(t, NULL);
    return (int)last_seen;
}
