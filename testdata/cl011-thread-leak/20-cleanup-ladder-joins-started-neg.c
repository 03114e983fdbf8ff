/* CL011 negative: the partial start done right: the error path stops and
 * joins the stages already started. */
// expect-none
#include <pthread.h>
#include <stdatomic.h>

#define NSTAGES 4

struct stages {
    pthread_t tids[NSTAGES];
    atomic_int stop;
};

static void *stage_main(void *arg)
{
    struct stages *s = arg;
    while (!atomic_load(&s->stop))
        ;
    return NULL;
}

int stages_start(struct stages *s);
int stages_start(struct stages *s)
{
    int i;
    for (i = 0; i < NSTAGES; i++)
        if (pthread_create(&s->tids[i], NULL, stage_main, s) != 0)
            goto undo;
    return 0;
undo:
    atomic_store(&s->stop, 1);
    while (i-- > 0)
        pthread_join(s->tids[i], NULL);
    return -1;
}
