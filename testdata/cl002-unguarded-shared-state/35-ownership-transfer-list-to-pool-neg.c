/* CL002 negative, the ownership-transfer class found on memcached 1.6.18
 * (items.c / slabs.c): an object is unlinked from a global list under
 * list_lock and then handed to a free pool under pool_lock. Its fields are
 * written under one lock in one owner and under the other lock in the next
 * owner: no common lock, yet never concurrently. For objects reached
 * through pointers loaded from shared memory, conc-lint reports only an
 * access that holds no lock at all.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct node { struct node *next; int in_use; };

static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct node *list_head;        /* guarded by list_lock */
static struct node *pool_head;        /* guarded by pool_lock */

static void pool_put(struct node *n)
{
    pthread_mutex_lock(&pool_lock);
    n->in_use = 0;
    n->next = pool_head;
    pool_head = n;
    pthread_mutex_unlock(&pool_lock);
}

static void *reaper_main(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&list_lock);
        struct node *victim = list_head;
        if (victim != NULL) {
            list_head = victim->next;
            victim->next = NULL;
        }
        pthread_mutex_unlock(&list_lock);
        if (victim != NULL)
            pool_put(victim);
    }
    return arg;
}

static void *producer_main(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        struct node *n = calloc(1, sizeof *n);
        if (n == NULL)
            break;
        pthread_mutex_lock(&list_lock);
        n->in_use = 1;
        n->next = list_head;
        list_head = n;
        if (list_head->next != NULL)
            list_head->next->in_use = 1;
        pthread_mutex_unlock(&list_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t r, p;
    pthread_create(&r, NULL, reaper_main, NULL);
    pthread_create(&p, NULL, producer_main, NULL);
    pthread_join(r, NULL);
    pthread_join(p, NULL);
    return 0;
}
