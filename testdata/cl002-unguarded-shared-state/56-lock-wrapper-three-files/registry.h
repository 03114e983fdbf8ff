/* Shared case 56, shared header: a service registry whose lock lives behind
   two wrapper functions in lockutil.c. */
// expect-none
#ifndef REGISTRY_H
#define REGISTRY_H

#include <time.h>

void registry_lock(void);                         /* lockutil.c */
void registry_unlock(void);                       /* lockutil.c */

/* registry.c: these two take the lock themselves. */
int registry_add(const char *name, unsigned short port, time_t now);
int registry_port(const char *name);

/* registry.c: the caller must hold registry_lock(). Returns how many
   entries older than `cutoff` were dropped. */
unsigned registry_expire_locked(time_t cutoff);

#endif
