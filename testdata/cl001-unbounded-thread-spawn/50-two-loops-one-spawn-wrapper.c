/* CL001 positive: a server with a TCP accept loop and a UDP receive loop
 * that both start their handler threads through one project helper,
 * `spawn_detached(routine, arg)`, which calls pthread_create and detaches.
 * Found by a fresh-eyes trial (issue 11): the two loops were folded into
 * one finding at the helper's pthread_create, naming the helper, so the
 * second loop's defect was not shown and neither call to fix was named.
 * Each loop is its own defect: one finding per loop, at the call in the
 * loop, with the helper's pthread_create as a related location.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static int spawn_detached(void *(*routine)(void *), void *arg)
{
    pthread_t t;
    int rc = pthread_create(&t, NULL, routine, arg); // expect-related: CL001 {{started here, in 'spawn_detached'}}
    if (rc == 0)
        pthread_detach(t);
    return rc;
}

static void *handle_conn(void *arg)
{
    close((int)(long)arg);
    return NULL;
}

static void *handle_datagram(void *arg)
{
    free(arg);
    return NULL;
}

void tcp_loop(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        if (spawn_detached(handle_conn, (void *)(long)fd) != 0) // expect: CL001 {{thread 'handle_conn' started through 'spawn_detached'}} {{'accept'}}
            close(fd);
    }
}

void udp_loop(int ufd)
{
    for (;;) {
        char *pkt = malloc(1500);
        if (pkt == NULL || recv(ufd, pkt, 1500, 0) <= 0) {
            free(pkt);
            continue;
        }
        spawn_detached(handle_datagram, pkt); // expect: CL001 {{thread 'handle_datagram' started through 'spawn_detached'}} {{'recv'}}
    }
}
