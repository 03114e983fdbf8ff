/* CL002 positive, one result per defect: a helper bumps a counter through
 * its parameter without a lock, and two workers call it on two different
 * connection objects that main also bumps while the workers run. The same
 * unguarded statement races on both objects; it is one defect (add the
 * lock in the helper), so it is reported once, not once per object or per
 * call path (rsyslog's per-worker helpers gave 85 copies of each finding).
 */
#include <pthread.h>

struct conn {
    int hits;
};

static struct conn conn_a, conn_b;

static void bump(struct conn *c)
{
    c->hits++; // expect: CL002
}

static void *serve_a(void *arg)
{
    (void)arg;
    bump(&conn_a);
    return NULL;
}

static void *serve_b(void *arg)
{
    (void)arg;
    bump(&conn_b);
    return NULL;
}

int main(void)
{
    pthread_t ta, tb;
    pthread_create(&ta, NULL, serve_a, NULL);
    pthread_create(&tb, NULL, serve_b, NULL);
    bump(&conn_a);
    bump(&conn_b);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    return 0;
}
