/* Pattern: main's thread-local settings lent read-only to workers.
 * Verdict: race-free. main fills its _Thread_local `opts` before creating
 * the workers and passes &opts; the workers only read through the pointer
 * and keep their own counters in their own thread-local instance.
 */
// class: thread-local-escape
// expect-none
#include <pthread.h>
#include <stdio.h>

struct opts { int verbose; int limit; };
static _Thread_local struct opts opts;
static _Thread_local int done;

static void *worker(void *arg)
{
    const struct opts *o = arg;
    for (int i = 0; i < o->limit; i++)
        done++;
    if (o->verbose)
        printf("%d\n", done);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    opts.verbose = 1;
    opts.limit = 50;
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, &opts);
    done = -1;
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
