/* CL011 positive: every worker is reaped by a helper called once per
 * element, and then the first worker is reaped a second time (a leftover
 * of an older shutdown path): its thread is joined twice. */
#include <pthread.h>

#define NW 4

struct worker {
    pthread_t tid;
    long jobs;
};

static struct worker crew[NW];

static void *crew_main(void *arg)
{
    struct worker *w = arg;
    w->jobs++;
    return NULL;
}

static long reap(struct worker *w)
{
    pthread_join(w->tid, NULL); // expect: CL011 {{'crew_main' is joined twice}}
    return w->jobs;
}

long crew_run(void);
long crew_run(void)
{
    int started = 0;
    for (int i = 0; i < NW; i++) {
        if (pthread_create(&crew[i].tid, NULL, crew_main, &crew[i]) != 0)
            break;
        started++;
    }
    long total = 0;
    for (int i = 0; i < started; i++)
        total += reap(&crew[i]);
    if (started > 0)
        total += reap(&crew[0]);
    return total;
}
