/* CL001 positive: the twin of 73 where the loop after the spawn loop
 * joins nothing of this request: it reaps the threads of a retired pool
 * (none once it is empty), not the probes it just started, which are
 * never joined nor detached. One more set of probe threads per request.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct probe {
    pthread_t thread;
    int cpu;
    long ticks;
};

static pthread_t retired[4];
static int nretired;

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    p->ticks = p->cpu * 1000L;
    return NULL;
}

static void probe_cpus(int ncpu)
{
    struct probe *ps = calloc((size_t)ncpu, sizeof *ps);
    if (ps == NULL)
        return;
    for (int i = 0; i < ncpu; i++) {
        ps[i].cpu = i;
        pthread_create(&ps[i].thread, NULL, probe_main, &ps[i]); // expect: CL001
    }
    while (nretired > 0)
        pthread_join(retired[--nretired], NULL);
}

int main(void)
{
    char req[32];
    while (read(0, req, sizeof req) > 0)
        probe_cpus(4);
    return 0;
}
