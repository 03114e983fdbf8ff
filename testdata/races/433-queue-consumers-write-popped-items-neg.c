/* Pattern: ownership transfer done right, with writes on both sides: the
 * producer fills each item before pushing it; two consumers pop items
 * under the lock and then write to the item they took, outside the lock.
 * Verdict: race-free. Each popped item belongs to the consumer that
 * unlinked it; the two consumers never hold the same item, and the
 * producer no longer touches an item once it is on the list.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct item { struct item *next; int in; int out; };

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item *q_head;
static int q_done;

static void *consumer(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&q_lock);
        struct item *it = q_head;
        if (it != NULL)
            q_head = it->next;
        int done = q_done;
        pthread_mutex_unlock(&q_lock);
        if (it == NULL) {
            if (done)
                return NULL;
            continue;
        }
        it->out = it->in * 2;
        free(it);
    }
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, consumer, NULL);
    for (int i = 0; i < 10; i++) {
        struct item *it = malloc(sizeof *it);
        if (it == NULL)
            break;
        it->in = i;
        it->out = 0;
        pthread_mutex_lock(&q_lock);
        it->next = q_head;
        q_head = it;
        pthread_mutex_unlock(&q_lock);
    }
    pthread_mutex_lock(&q_lock);
    q_done = 1;
    pthread_mutex_unlock(&q_lock);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
