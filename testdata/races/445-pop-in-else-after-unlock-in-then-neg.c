/* Pattern: a consumer reads the head under the lock; when the list is
 * empty it unlocks and sleeps, otherwise it unlinks the head in the same
 * critical section and works on the item after unlocking.
 * Verdict: race-free. The unlock in the empty branch is not between the
 * read and the unlink of the other branch.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

struct item { struct item *next; int hits; };

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item *q_head;

static void *consumer(void *arg)
{
    (void)arg;
    for (int n = 0; n < 100; n++) {
        pthread_mutex_lock(&q_lock);
        struct item *it = q_head;
        if (it == NULL) {
            pthread_mutex_unlock(&q_lock);
            usleep(1000);
        } else {
            q_head = it->next;
            pthread_mutex_unlock(&q_lock);
            it->hits++;
        }
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
