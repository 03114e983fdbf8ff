/* Pattern: device probing with a per-device status word. The creator
 * marks each device PENDING, starts a detached probe thread on it, and
 * then, for each device, waits with a timed wait until the probe reports
 * OK or FAILED (either ends the probe). Probes read the shared block
 * size and write their results and names before reporting; the creator
 * then changes the block size and reads the results. After reporting, a
 * probe only returns.
 * Verdict: race-free. Every probe's writes come before its locked status
 * store (OK or FAILED), which the creator's loop waited for on every
 * device; the creator's own store (PENDING) is not one it waits for.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <time.h>

enum { P_PENDING = 1, P_OK = 2, P_FAILED = 3 };

struct dev {
    pthread_mutex_t m;
    pthread_cond_t c;
    int status;
    int id;
    long capacity;
    char name[16];
};

static struct dev devs[4];
static long block_size = 512;

static void *probe(void *arg)
{
    struct dev *d = arg;
    long cap = block_size * (d->id + 1);
    snprintf(d->name, sizeof d->name, "dev%d", d->id);
    pthread_mutex_lock(&d->m);
    if (cap > 1024) {
        d->capacity = cap;
        d->status = P_OK;
    } else {
        d->status = P_FAILED;
    }
    pthread_cond_broadcast(&d->c);
    pthread_mutex_unlock(&d->m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec ts;
    int i;
    for (i = 0; i < 4; i++) {
        devs[i].id = i;
        devs[i].status = P_PENDING;
        pthread_mutex_init(&devs[i].m, NULL);
        pthread_cond_init(&devs[i].c, NULL);
        if (pthread_create(&t, NULL, probe, &devs[i]) != 0)
            return 1;
        pthread_detach(t);
    }
    for (i = 0; i < 4; i++) {
        struct dev *d = &devs[i];
        pthread_mutex_lock(&d->m);
        while (d->status != P_OK && d->status != P_FAILED) {
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_sec += 1;
            pthread_cond_timedwait(&d->c, &d->m, &ts);
        }
        pthread_mutex_unlock(&d->m);
    }
    block_size = 4096;
    long total = 0;
    for (i = 0; i < 4; i++)
        total += devs[i].capacity;
    printf("%s %ld\n", devs[0].name, total);
    return 0;
}
