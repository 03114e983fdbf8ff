/* CL008 multi-file positive, from shared case 87 (file 1 of 3): conn.c takes
 * c->lock, then pool_lock (Seagate/cortx-motr PR #1081, sysrepo #356,
 * DynamoRIO PR #2935: lock orders inverted across modules). */
#include <stdlib.h>
#include <unistd.h>
#include "connpool.h"

void conn_release(struct conn *c, int broken)
{
    pthread_mutex_lock(&c->lock);
    c->last_used = time(NULL);
    if (!broken) {
        c->state = CONN_IDLE;
        pthread_mutex_unlock(&c->lock);
        return;
    }
    c->state = CONN_CLOSING;
    pthread_mutex_lock(&pool_lock);         /* c->lock is still held */ // expect: CL008 {{take 'c->lock' before 'pool_lock' everywhere, as here}}
    pool_unlink_locked(c);
    pthread_mutex_unlock(&pool_lock);
    pthread_mutex_unlock(&c->lock);
    conn_free(c);
}

void conn_free(struct conn *c)
{
    close(c->fd);
    pthread_mutex_destroy(&c->lock);
    free(c);
}
