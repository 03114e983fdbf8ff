/* Pattern: a drainer gets the pending batch through its argument: it reads
 * the head under the lock, unlocks to check it, then locks again and
 * empties the list, and marks the batch done outside the lock.
 * Verdict: racy. Two drainers can read the same head before either
 * empties the list, and both mark the same records.
 */
// class: ownership-transfer
#include <pthread.h>
#include <stddef.h>

struct rec { struct rec *next; int done; };
struct pending { pthread_mutex_t mu; struct rec *head; };

static void *drainer(void *arg)
{
    struct pending *p = arg;
    for (int n = 0; n < 100; n++) {
        pthread_mutex_lock(&p->mu);
        struct rec *batch = p->head;
        pthread_mutex_unlock(&p->mu);
        if (batch == NULL)
            continue;
        pthread_mutex_lock(&p->mu);
        p->head = NULL;
        pthread_mutex_unlock(&p->mu);
        batch->done = 1; // expect: CL002 {{races with itself}}
    }
    return NULL;
}

int main(void)
{
    static struct rec recs[3];
    static struct pending p = { PTHREAD_MUTEX_INITIALIZER, NULL };
    for (int i = 0; i < 3; i++) {
        recs[i].next = p.head;
        p.head = &recs[i];
    }
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, drainer, &p);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
