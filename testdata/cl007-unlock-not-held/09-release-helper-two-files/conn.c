/* CL007 positive, file 1 of 2: the connection table's lock and release
 * helpers; correct where their callers pair them (accept.c).
 */
// expect-none
#include "conn.h"

static pthread_mutex_t conns_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct conn conns[64];

void conns_lock(void)
{
    pthread_mutex_lock(&conns_mutex);
}

void conns_unlock(void)
{
    pthread_mutex_unlock(&conns_mutex);
}

struct conn *conn_slot(int i)
{
    return &conns[i & 63];
}
