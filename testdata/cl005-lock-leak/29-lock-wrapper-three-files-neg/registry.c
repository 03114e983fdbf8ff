// expect-none
//
// Case 56, file 2 of 3: the shared state, in file-static arrays, with no
// pthread call in this file. registry_add() and registry_port() bracket
// every access with the wrappers from lockutil.c; find() and
// registry_expire_locked() rely on their callers holding the lock (the
// sweeper thread in services.c takes it through the same wrappers).
#include <stdio.h>
#include <string.h>
#include "registry.h"

#define MAX_SERVICES 64

struct service { char name[32]; unsigned short port; time_t seen; };

static struct service services[MAX_SERVICES];
static unsigned n_services;

static struct service *find(const char *name)      /* caller holds the lock */
{
    for (unsigned i = 0; i < n_services; i++)
        if (strcmp(services[i].name, name) == 0)
            return &services[i];
    return NULL;
}

int registry_add(const char *name, unsigned short port, time_t now)
{
    int rc = -1;
    registry_lock();
    struct service *s = find(name);
    if (s == NULL && n_services < MAX_SERVICES) {
        s = &services[n_services++];
        snprintf(s->name, sizeof s->name, "%s", name);
    }
    if (s != NULL) {
        s->port = port;
        s->seen = now;
        rc = 0;
    }
    registry_unlock();
    return rc;
}

int registry_port(const char *name)
{
    registry_lock();
    const struct service *s = find(name);
    int port = s != NULL ? s->port : -1;
    registry_unlock();
    return port;
}

unsigned registry_expire_locked(time_t cutoff)
{
    unsigned kept = 0, before = n_services;
    for (unsigned i = 0; i < n_services; i++)
        if (services[i].seen >= cutoff)
            services[kept++] = services[i];
    n_services = kept;
    return before - kept;
}
