/* CL003 positive, the read in a callee: after starting the probe thread
 * the checker sleeps 300 ms and calls print_probe(), which reads the
 * probe's `rtt_us` under its lock. The probe is never joined before the
 * read.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct probe {
    pthread_mutex_t lock;
    const char *host;                    /* set before the spawn */
    long rtt_us;                         /* guarded by lock; -1 until measured */
};

long ping_host(const char *host);        /* icmp.c */

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    long rtt = ping_host(p->host);
    pthread_mutex_lock(&p->lock);
    p->rtt_us = rtt;
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static void print_probe(struct probe *p)
{
    pthread_mutex_lock(&p->lock);
    long rtt = p->rtt_us;
    pthread_mutex_unlock(&p->lock);
    printf("%s: %ld us\n", p->host, rtt);
}

int check_host(const char *host)
{
    static struct probe p = { .lock = PTHREAD_MUTEX_INITIALIZER, .rtt_us = -1 };
    pthread_t tid;
    p.host = host;
    if (pthread_create(&tid, NULL, probe_main, &p) != 0)
        return -1;
    pthread_detach(tid);
    usleep(300 * 1000); // expect: CL003
    print_probe(&p);
    return 0;
}
