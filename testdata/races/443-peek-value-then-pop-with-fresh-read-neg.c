/* Pattern: a consumer peeks at the head's priority in one critical
 * section, and when it is worth it, reads the head again and unlinks it in
 * a second one, then updates the item it unlinked.
 * Verdict: race-free. The item updated is the one read and unlinked in
 * the same critical section; the peek only read a value under the lock.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stddef.h>

struct item { struct item *next; int prio; int seen; };

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item *q_head;

static void *consumer(void *arg)
{
    (void)arg;
    for (int n = 0; n < 100; n++) {
        pthread_mutex_lock(&q_lock);
        struct item *peek = q_head;
        int prio = peek != NULL ? peek->prio : 0;
        pthread_mutex_unlock(&q_lock);
        if (prio < 3)
            continue;
        pthread_mutex_lock(&q_lock);
        struct item *it = q_head;
        if (it != NULL)
            q_head = it->next;
        pthread_mutex_unlock(&q_lock);
        if (it != NULL)
            it->seen++;
    }
    return NULL;
}

int main(void)
{
    static struct item items[4];
    for (int i = 0; i < 4; i++) {
        items[i].prio = i;
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
