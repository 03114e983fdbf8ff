#ifndef JOB_H
#define JOB_H
#include <pthread.h>
struct job { int input, result; };
void *job_main(void *arg);
void job_finish(pthread_t t);
#endif
