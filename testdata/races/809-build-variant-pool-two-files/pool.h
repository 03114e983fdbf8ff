#ifndef POOL_H
#define POOL_H
typedef void (*job_fn)(void *);
int pool_run(job_fn fn, void *arg);
#endif
