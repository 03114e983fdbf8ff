/* CL002 positive: the worker passes a constant command too, but the case
 * it selects is the one that writes `configured`, which main also runs
 * while the worker is live.
 */
// class: constant-arguments
#include <pthread.h>

enum { OP_INIT, OP_FREE };
static int configured;

static void op(int cmd)
{
    switch (cmd) {
    case OP_INIT:
        configured++; // expect: CL002 {{races with}}
        break;
    case OP_FREE:
        break;
    }
}

static void *worker(void *arg)
{
    op(OP_INIT);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    op(OP_FREE);
    op(OP_INIT);
    pthread_join(t, NULL);
    return 0;
}
