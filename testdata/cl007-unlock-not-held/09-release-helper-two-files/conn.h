// expect-none
/* The connection table's lock helpers (conn.c). */
#include <pthread.h>

struct conn { int fd, busy; };
void conns_lock(void);
void conns_unlock(void);
struct conn *conn_slot(int i);
