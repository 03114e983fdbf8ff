/* Pattern: a stack object passed to a thread, then modified by the
 * creator.
 * Verdict: racy. main passes &req to the handler thread and then changes
 * req.deadline while the handler reads it. Both unlocked; the handler's
 * read in the spawned thread carries the expectation.
 */
#include <pthread.h>
#include <stdio.h>

struct request { int id; int deadline; };

static void *handler(void *arg)
{
    const struct request *r = arg;
    int late = 0;
    for (int i = 0; i < 1000; i++)
        late += i > r->deadline; // expect: CL002
    printf("%d %d\n", r->id, late);
    return NULL;
}

int main(void)
{
    struct request req = { 1, 500 };
    pthread_t t;
    pthread_create(&t, NULL, handler, &req);
    req.deadline = 100;
    pthread_join(t, NULL);
    return 0;
}
