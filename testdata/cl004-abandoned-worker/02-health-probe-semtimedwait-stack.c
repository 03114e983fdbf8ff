/* CL004 positive: a load balancer's health check runs a blocking connect()
 * on a probe thread and waits with sem_timedwait(). When the deadline
 * passes it returns "down", but the probe still holds &p, a struct in the
 * frame that just returned; it later writes its result and sem_post()s into
 * whatever stack lives there. Never joined, detached or cancelled there.
 * From shared case 49 (true bug).
 */
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct probe {
    sem_t done;
    const struct sockaddr_in *addr;
    int up;
    long latency_ms;
};

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int up = fd >= 0
        && connect(fd, (const struct sockaddr *)p->addr, sizeof *p->addr) == 0;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (fd >= 0)
        close(fd);
    p->up = up;                                  /* into the caller's frame */
    p->latency_ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    sem_post(&p->done);
    return NULL;
}

int check_backend(const struct sockaddr_in *addr, int timeout_s, long *latency_ms)
{
    struct probe p = { .addr = addr };
    pthread_t tid;
    struct timespec deadline;
    if (sem_init(&p.done, 0, 0) != 0)
        return -1; // expect@+1: CL012
    if (pthread_create(&tid, NULL, probe_main, &p) != 0) // expect-related: CL004 {{thread 'probe_main' started here}}
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    while (sem_timedwait(&p.done, &deadline) != 0) { // expect-related: CL004 {{'sem_timedwait' may time out here}}
        if (errno != EINTR)
            return -1; // expect: CL004 {{'check_backend' returns after 'sem_timedwait' times out}}
    } // expect-flow@-1: CL004 {{starts thread 'probe_main'}} {{'sem_timedwait' times out}}, CL004 {{thread 'probe_main'}} {{writes 'p->up'}}
    pthread_join(tid, NULL);
    sem_destroy(&p.done);
    *latency_ms = p.latency_ms;
    return p.up ? 0 : -1;
}
