/* CL011 positive: the C11 threads flavour of the partial start. */
#include <threads.h>

#define NW 3

static thrd_t workers[NW];

static int work_main(void *arg)
{
    (void)arg;
    return 0;
}

int pool_init(void);
int pool_init(void)
{
    for (int i = 0; i < NW; i++)
        if (thrd_create(&workers[i], work_main, NULL) != thrd_success) // expect: CL011
            return -1;
    return 0;
}

void pool_fini(void);
void pool_fini(void)
{
    for (int i = 0; i < NW; i++)
        thrd_join(workers[i], NULL);
}
