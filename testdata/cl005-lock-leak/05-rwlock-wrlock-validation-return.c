/* CL005 positive: a routing table behind a rwlock. route_add() takes the
 * write lock and returns early when the prefix length is invalid; readers
 * then wait forever in pthread_rwlock_rdlock.
 */
#include <pthread.h>

#define NROUTES 64
struct route { unsigned prefix, len, gw; };

static pthread_rwlock_t rt_lock = PTHREAD_RWLOCK_INITIALIZER;
static struct route routes[NROUTES];
static unsigned nroutes;

int route_add(unsigned prefix, unsigned len, unsigned gw)
{
    pthread_rwlock_wrlock(&rt_lock); // expect-related: CL005 {{'rt_lock' locked here}}
    if (nroutes == NROUTES) {
        pthread_rwlock_unlock(&rt_lock);
        return -1;
    }
    if (len > 32)
        return -2; // expect: CL005
    routes[nroutes].prefix = prefix;
    routes[nroutes].len = len;
    routes[nroutes++].gw = gw;
    pthread_rwlock_unlock(&rt_lock);
    return 0;
}

unsigned route_lookup(unsigned addr)
{
    unsigned gw = 0;
    pthread_rwlock_rdlock(&rt_lock);
    for (unsigned i = 0; i < nroutes; i++)
        if ((addr >> (32 - routes[i].len)) == (routes[i].prefix >> (32 - routes[i].len)))
            gw = routes[i].gw;
    pthread_rwlock_unlock(&rt_lock);
    return gw;
}
