/* CL011 negative: the accept loop detaches every thread it starts. */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static void *client_main(void *arg)
{
    close((int)(intptr_t)arg);
    return NULL;
}

void accept_n(int lfd, int n);
void accept_n(int lfd, int n)
{
    for (int k = 0; k < n; k++) {
        pthread_t tid;
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        if (pthread_create(&tid, NULL, client_main, (void *)(intptr_t)fd) != 0) {
            close(fd);
            continue;
        }
        pthread_detach(tid);
    }
}
