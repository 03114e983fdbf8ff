/* Case 87, shared header: an upstream connection pool. pool.c owns the list
   and pool_lock; conn.c owns the per-connection lock and the close path;
   server.c starts the threads. */
// expect-none
#ifndef CONNPOOL_H
#define CONNPOOL_H

#include <pthread.h>
#include <time.h>

enum conn_state { CONN_IDLE, CONN_BUSY, CONN_CLOSING };

struct conn {
    pthread_mutex_t lock;               /* guards state and last_used */
    enum conn_state state;
    time_t last_used;
    int fd;
    struct conn *next;                  /* guarded by pool_lock */
};

extern pthread_mutex_t pool_lock;       /* pool.c: guards the list */

/* pool.c */
void pool_add(struct conn *c);
void pool_unlink_locked(struct conn *c);  /* caller holds pool_lock */
struct conn *pool_checkout(void);
int pool_reap_idle(time_t now, int max_idle_s);

/* conn.c */
void conn_release(struct conn *c, int broken);
void conn_free(struct conn *c);

#endif
