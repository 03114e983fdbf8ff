/* CL001 positive: for every datagram the loop starts NREPLICAS detached
 * threads (a constant-bounded loop) to forward it to the replicas. The inner
 * loop is bounded, but it runs once per datagram: 3 threads per packet, with
 * nothing waiting for them.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define NREPLICAS 3

struct fwd {
    int replica;
    size_t len;
    char data[1024];
};

static void *forward_main(void *arg)
{
    struct fwd *f = arg;
    (void)f->replica;
    free(f);
    return NULL;
}

void replicate(int udp_fd)
{
    char buf[1024];
    for (;;) {
        ssize_t n = recv(udp_fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        for (int r = 0; r < NREPLICAS; r++) {
            struct fwd *f = malloc(sizeof *f);
            if (f == NULL)
                continue;
            f->replica = r;
            f->len = (size_t)n;
            memcpy(f->data, buf, (size_t)n);
            pthread_t tid;
            if (pthread_create(&tid, NULL, forward_main, f) == 0) // expect: CL001
                pthread_detach(tid);
            else
                free(f);
        }
    }
}
