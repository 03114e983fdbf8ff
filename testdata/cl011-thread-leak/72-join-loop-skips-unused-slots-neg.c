/* CL011 negative: one probe thread per CPU of a mask; the spawn loop skips
 * the CPUs not in the mask with `continue`, and so does the join loop. A
 * failed start ends the spawn loop and shortens the join loop to the
 * slots started. Every thread started is joined before the return.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

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

long probe_cpus(unsigned long mask, int ncpu)
{
    struct probe *ps = calloc((size_t)ncpu, sizeof *ps);
    long sum = 0;
    if (ps == NULL)
        return -1;
    for (int i = 0; i < ncpu; i++) {
        if (!((mask >> i) & 1))
            continue;
        ps[i].cpu = i;
        if (pthread_create(&ps[i].thread, NULL, probe_main, &ps[i]) != 0) {
            ncpu = i;
            break;
        }
    }
    for (int i = 0; i < ncpu; i++) {
        if (!((mask >> i) & 1))
            continue;
        pthread_join(ps[i].thread, NULL);
        sum += ps[i].ticks;
    }
    free(ps);
    return sum;
}

int main(void)
{
    return probe_cpus(0xfUL, 4) < 0;
}
