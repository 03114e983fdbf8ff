/* CL011 positive: the twin of 72 whose join loop both skips the disabled
 * slots and stops one slot short (`i < NPROBE - 1`): the last probe is
 * started and never joined nor detached, and it may still write its
 * element of the caller's stack array after the return.
 */
#include <pthread.h>

#define NPROBE 4

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

long probe_cpus(unsigned long mask)
{
    struct probe ps[NPROBE];
    long sum = 0;
    for (int i = 0; i < NPROBE; i++) {
        if (!((mask >> i) & 1))
            continue;
        ps[i].cpu = i;
        pthread_create(&ps[i].thread, NULL, probe_main, &ps[i]); // expect: CL011 CL012
    }
    for (int i = 0; i < NPROBE - 1; i++) {
        if (!((mask >> i) & 1))
            continue;
        pthread_join(ps[i].thread, NULL);
        sum += ps[i].ticks;
    }
    return sum;
}

int main(void)
{
    return probe_cpus(0xfUL) < 0;
}
