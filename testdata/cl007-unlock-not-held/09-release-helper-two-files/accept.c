/* CL007 positive, file 2 of 2: the acceptor rejects a bad descriptor by
 * jumping to the common exit, which releases the table lock it never
 * took on that path (the release helper is in conn.c).
 */
#include "conn.h"

static int conn_add(int fd)
{
    int rc = -1;
    if (fd < 0)
        goto out;
    conns_lock();
    struct conn *c = conn_slot(fd);
    if (!c->busy) {
        c->fd = fd;
        c->busy = 1;
        rc = 0;
    }
out:
    conns_unlock(); // expect: CL007 {{call to 'conns_unlock' unlocks 'conns_mutex'}}
    return rc;
}

static void *acceptor(void *arg)
{
    for (int fd = -1; fd < 10; fd++)
        conn_add(fd);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, acceptor, NULL);
    pthread_join(t, NULL);
    return 0;
}
