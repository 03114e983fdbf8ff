/* CL003 positive plus a separate CL002: the resolver thread fills
 * `resolved_addr` and then sets the plain flag `resolve_state`; the caller
 * polls the flag with nanosleep and then reads the address. The poll of the
 * flag is the CL003 finding (and the race on the flag is folded into it);
 * the read of `resolved_addr` after the loop is a different access pair, a
 * race of its own, and keeps its CL002 finding.
 */
#include <pthread.h>
#include <time.h>

struct lookup {
    const char *host;
    unsigned resolved_addr;
    int resolve_state;       /* 0 pending, 1 done */
};

static unsigned fake_resolve(const char *host)
{
    unsigned h = 5381;
    while (*host)
        h = h * 33 + (unsigned char)*host++;
    return h;
}

static void *resolver(void *arg)
{
    struct lookup *l = arg;
    l->resolved_addr = fake_resolve(l->host); // expect: CL002
    l->resolve_state = 1;
    return NULL;
}

unsigned resolve_blocking(const char *host)
{
    static struct lookup l;
    pthread_t t;
    l.host = host;
    pthread_create(&t, NULL, resolver, &l);
    struct timespec tick = { 0, 2000000 };
    while (l.resolve_state == 0)
        nanosleep(&tick, NULL); // expect: CL003
    unsigned a = l.resolved_addr; // expect-related: CL002 {{conflicting read}}
    pthread_join(t, NULL);
    return a;
}
