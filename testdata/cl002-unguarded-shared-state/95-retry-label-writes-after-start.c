/* CL002 positive: a constructor starts its worker, and on a soft failure
 * jumps back to a label above the field initialization to try again
 * with a larger budget, writing the object the already started worker
 * reads.
 * After the goto, the object is no longer fresh: the worker of the first
 * attempt holds it.
 */
// class: fresh-objects
#include <pthread.h>
#include <stdlib.h>

struct task {
    int budget;
    int done;
};

static void *runner(void *arg)
{
    struct task *t = arg;
    return t->budget > 10 ? arg : NULL; // expect-todo: CL002 {{races with write}} -- the spawn repeated by a backward goto
}

static int start_task(void)
{
    struct task *t = calloc(1, sizeof *t);
    pthread_t th;
    int budget = 5;
    if (t == NULL)
        return -1;
again:
    t->budget = budget;
    pthread_create(&th, NULL, runner, t); // expect: CL011 {{returns}}
    if (budget < 20) {
        budget *= 2;
        goto again;
    }
    return 0;
}

int main(void)
{
    return start_task();
}
