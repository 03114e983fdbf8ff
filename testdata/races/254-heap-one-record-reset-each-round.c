/* Pattern: a poller allocates one request record before its loop, resets
 * it with a helper at the top of every round and starts a thread on it
 * each round without waiting for the previous one.
 * Verdict: racy. The record was allocated outside the loop, so every
 * round's thread gets the same object: req_reset's writes in the next
 * round race with the previous thread's reads.
 */
#include <pthread.h>
#include <stdlib.h>

// class: heap-init-helpers

struct request {
    int id;
    int retries;
};

static void req_reset(struct request *r, int id)
{
    r->id = id; // expect-related: CL002 {{conflicting write of 'r->id' in 'req_reset'}}
    r->retries = 0;
}

static void *req_worker(void *arg)
{
    struct request *r = arg;
    int id = r->id; // expect: CL002 {{races with write in 'req_reset'}}
    return (void *)(long)id;
}

void poll_loop(int n)
{
    struct request *r = malloc(sizeof *r);
    if (r == NULL)
        return;
    for (int k = 0; k < n; k++) {
        pthread_t t;
        req_reset(r, k);
        if (pthread_create(&t, NULL, req_worker, r) != 0)
            break;
        pthread_detach(t);
    }
}
