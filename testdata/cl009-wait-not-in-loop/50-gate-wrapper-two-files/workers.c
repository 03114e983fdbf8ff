/* The two threads that wait at the start gate (see gate.c). */
// expect-none
#include <stddef.h>

#include "gate.h"

struct gate start_gate = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };
static int loaded, indexed;

static void *loader(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&start_gate.mu);
    while (!start_gate.open)
        gate_wait(&start_gate);
    loaded++;
    pthread_mutex_unlock(&start_gate.mu);
    return NULL;
}

static void *indexer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&start_gate.mu);
    if (!start_gate.open)
        gate_wait(&start_gate);
    indexed++;
    pthread_mutex_unlock(&start_gate.mu);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, loader, NULL);
    pthread_create(&b, NULL, indexer, NULL);
    gate_open(&start_gate);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
