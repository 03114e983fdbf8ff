// expect-none
//
// Case 56, file 1 of 3: the lock wrapper. The mutex is static to this file;
// registry.c and services.c reach it only through registry_lock() and
// registry_unlock(). An analyzer has to see through these wrappers, across
// translation units, to know the lock is held where they are called.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "registry.h"

static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;

void registry_lock(void)
{
    int rc = pthread_mutex_lock(&registry_mutex);
    if (rc != 0) {
        fprintf(stderr, "registry_lock: error %d\n", rc);
        abort();
    }
}

void registry_unlock(void)
{
    pthread_mutex_unlock(&registry_mutex);
}
