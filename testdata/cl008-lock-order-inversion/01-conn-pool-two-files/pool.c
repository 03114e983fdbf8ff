/* CL008 multi-file positive, from shared case 87 (file 2 of 3): the reaper
 * takes pool_lock, then each c->lock; pool_checkout nests them the same
 * way but with a trylock, which adds no edge (memcached PR #735). */
#include <stddef.h>
#include "connpool.h"

pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct conn *pool_head;          /* guarded by pool_lock */

void pool_add(struct conn *c)
{
    pthread_mutex_lock(&pool_lock);
    c->next = pool_head;
    pool_head = c;
    pthread_mutex_unlock(&pool_lock);
}

void pool_unlink_locked(struct conn *c)
{
    for (struct conn **pp = &pool_head; *pp != NULL; pp = &(*pp)->next)
        if (*pp == c) {
            *pp = c->next;
            return;
        }
}

struct conn *pool_checkout(void)
{
    struct conn *pick = NULL;
    pthread_mutex_lock(&pool_lock);
    for (struct conn *c = pool_head; c != NULL && pick == NULL; c = c->next) {
        if (pthread_mutex_trylock(&c->lock) != 0)
            continue;                   /* being released or reaped: skip it */
        if (c->state == CONN_IDLE) {
            c->state = CONN_BUSY;
            pick = c;
        }
        pthread_mutex_unlock(&c->lock);
    }
    pthread_mutex_unlock(&pool_lock);
    return pick;                        /* NULL: the caller opens a new one */
}

int pool_reap_idle(time_t now, int max_idle_s)
{
    int reaped = 0;
    pthread_mutex_lock(&pool_lock);
    for (struct conn **pp = &pool_head; *pp != NULL;) {
        struct conn *c = *pp;
        pthread_mutex_lock(&c->lock);   /* pool_lock is still held */ // expect: CL008 {{as in conn.c:}}
        // expect-related@-1: CL008 {{the opposite order}}
        // expect-flow@-2: CL008 {{thread 'reaper_main'}} {{takes 'c->lock' while holding 'pool_lock'}}
        // expect-flow@-3: CL008 {{thread 'request_main'}} {{calls 'conn_release'}}
        if (c->state == CONN_IDLE && now - c->last_used > max_idle_s) {
            *pp = c->next;
            c->state = CONN_CLOSING;
            pthread_mutex_unlock(&c->lock);
            conn_free(c);
            reaped++;
            continue;
        }
        pthread_mutex_unlock(&c->lock);
        pp = &c->next;
    }
    pthread_mutex_unlock(&pool_lock);
    return reaped;
}
