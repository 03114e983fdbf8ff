/* CL001 negative: a clock test in the shape of fio's
 * fio_monotonic_clocktest, run for every request read. It starts one
 * thread per usable CPU (the loop skips the others with `continue`), then
 * joins them in a second loop that skips the same CPUs. Every thread is
 * joined before the function returns: the threads alive at once are
 * bounded by the CPUs, however many requests come.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct probe {
    pthread_t thread;
    int cpu;
    long ticks;
};

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    p->ticks = p->cpu * 1000L;
    return NULL;
}

static int usable(unsigned long mask, int cpu)
{
    return (int)((mask >> cpu) & 1);
}

static long probe_cpus(unsigned long mask, int ncpu)
{
    struct probe *ps = calloc((size_t)ncpu, sizeof *ps);
    long sum = 0;
    if (ps == NULL)
        return -1;
    for (int i = 0; i < ncpu; i++) {
        if (!usable(mask, i))
            continue;
        ps[i].cpu = i;
        if (pthread_create(&ps[i].thread, NULL, probe_main, &ps[i]) != 0) {
            ncpu = i;
            break;
        }
    }
    for (int i = 0; i < ncpu; i++) {
        if (!usable(mask, i))
            continue;
        pthread_join(ps[i].thread, NULL);
        sum += ps[i].ticks;
    }
    free(ps);
    return sum;
}

int main(void)
{
    char req[32];
    while (read(0, req, sizeof req) > 0)
        if (probe_cpus(0xfUL, 4) < 0)
            return 1;
    return 0;
}
