/* CL011 positive: one thread per connection into the same local handle,
 * never joined nor detached (EZLippi/Tinyhttpd #5 shape). */
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static void *client_main(void *arg)
{
    close((int)(intptr_t)arg);
    return NULL;
}

void accept_loop(int lfd);
void accept_loop(int lfd)
{
    pthread_t tid;
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        pthread_create(&tid, NULL, client_main, (void *)(intptr_t)fd); // expect: CL001 CL011 {{overwrites its handle 'tid'}}
    }
}
