/* CL011 positive (a toy TCP server's main): every accepted connection is
 * handed to a new thread started into the one local handle, never joined
 * nor detached: each round overwrites the previous thread's id, and the
 * finished threads' stacks are never reclaimed.
 */
// class: handle-overwritten-in-main
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static void *serve(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[256];
    while (read(fd, buf, sizeof buf) > 0)
        ;
    close(fd);
    return NULL;
}

int main(void)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0)
        return 1;
    listen(lfd, 16);
    pthread_t tid;
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        pthread_create(&tid, NULL, serve, (void *)(intptr_t)fd); // expect: CL011 {{overwrites its handle 'tid'}}, CL001
    }
}
