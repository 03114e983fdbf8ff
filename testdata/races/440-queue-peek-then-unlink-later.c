/* Pattern: a consumer reads the list head in one critical section and
 * unlinks it in a second one, after looking at it outside the lock.
 * Verdict: racy. Two consumers can read the same head before either
 * unlinks it; both then own "their" item and update it outside the lock.
 */
// class: ownership-transfer
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
        pthread_mutex_lock(&q_lock);
        q_head = it->next;
        pthread_mutex_unlock(&q_lock);
        it->hits++; // expect: CL002 {{races with itself}}
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
