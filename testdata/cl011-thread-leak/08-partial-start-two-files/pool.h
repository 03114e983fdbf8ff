#ifndef POOL_H
#define POOL_H
#include <pthread.h>
struct pool { pthread_t tids[8]; int n; };
void *pool_worker(void *arg);
int pool_start(struct pool *p, int n);
void pool_stop(struct pool *p);
#endif
