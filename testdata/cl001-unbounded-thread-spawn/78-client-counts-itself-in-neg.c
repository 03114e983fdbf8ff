/* CL001 negative: the accept loop turns a connection away while the
 * number of live clients is at the limit; each client thread counts
 * itself in (a C11 atomic add) when it starts and out when it ends
 * (stunnel's num_clients and max_clients). The live threads are bounded
 * by the limit, give or take the threads accepted but not yet started.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CLIENTS 256

static atomic_int live_clients;

extern void serve(int fd);

static void *client_main(void *arg)
{
    int fd = (int)(long)arg;
    atomic_fetch_add(&live_clients, 1);
    serve(fd);
    close(fd);
    atomic_fetch_sub(&live_clients, 1);
    return NULL;
}

int main(void)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    while (1) {
        pthread_t t;
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        if (atomic_load(&live_clients) >= MAX_CLIENTS) {
            close(fd);
            continue;
        }
        if (pthread_create(&t, &attr, client_main, (void *)(long)fd) != 0)
            close(fd);
    }
    return 0;
}
