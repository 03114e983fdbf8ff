/* CL011 negative: each connection thread detaches itself first thing. */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static void *conn_main(void *arg)
{
    pthread_detach(pthread_self());
    close((int)(intptr_t)arg);
    return NULL;
}

void serve_some(int lfd, int n);
void serve_some(int lfd, int n)
{
    for (int k = 0; k < n; k++) {
        pthread_t tid;
        int fd = accept(lfd, NULL, NULL);
        if (fd >= 0 && pthread_create(&tid, NULL, conn_main, (void *)(intptr_t)fd) != 0)
            close(fd);
    }
}
