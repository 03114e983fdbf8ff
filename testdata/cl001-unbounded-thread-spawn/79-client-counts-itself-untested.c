/* CL001 positive, the twin of 78: each client thread counts itself in
 * and out, but the accept loop never tests the count (it only reports
 * it): nothing bounds the live threads.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

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
        printf("%d clients\n", atomic_load(&live_clients));
        if (pthread_create(&t, &attr, client_main, (void *)(long)fd) != 0) // expect: CL001 {{client_main}}
            close(fd);
    }
    return 0;
}
