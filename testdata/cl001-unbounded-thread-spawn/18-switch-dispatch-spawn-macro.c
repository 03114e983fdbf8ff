/* CL001 positive: a UDP control daemon (the shape of rsyslog's and
 * mosquitto's datagram listeners) reads a datagram per iteration and
 * dispatches on its type with a switch; the "job" case starts a detached
 * worker through a do { ... } while (0) macro that logs a failed spawn.
 * Neither the switch nor the macro bounds the workers: one thread per
 * job datagram. The macro must not count as a loop, and the other cases
 * (which start nothing) must not hide the spawn at the loop head.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

enum { MSG_PING = 1, MSG_JOB = 2, MSG_STATS = 3 };

struct job {
    char payload[512];
    size_t len;
};

#define SPAWN_DETACHED(fn, arg)                                                  \
    do {                                                                         \
        pthread_t t_;                                                            \
        if (pthread_create(&t_, NULL, (fn), (arg)) != 0)                         \
            fprintf(stderr, "spawn failed\n");                                   \
        else                                                                     \
            pthread_detach(t_);                                                  \
    } while (0)

static unsigned long pings;

static void *run_job(void *arg)
{
    struct job *j = arg;
    fwrite(j->payload, 1, j->len, stdout);
    free(j);
    return NULL;
}

void control_loop(int sock)
{
    char buf[520];
    for (;;) { // expect-related: CL001 {{each 'recvfrom' in this loop starts a thread}}
        ssize_t n = recvfrom(sock, buf, sizeof buf, 0, NULL, NULL);
        if (n < 1)
            continue;
        switch (buf[0]) {
        case MSG_PING:
            pings++;
            break;
        case MSG_JOB: {
            struct job *j = calloc(1, sizeof *j);
            if (j == NULL)
                break;
            j->len = (size_t)n - 1 < sizeof j->payload ? (size_t)n - 1 : sizeof j->payload;
            memcpy(j->payload, buf + 1, j->len);
            SPAWN_DETACHED(run_job, j); // expect: CL001 {{thread 'run_job' started for every 'recvfrom' in the loop}}
            break;
        }
        default:
            break;
        }
    }
}
