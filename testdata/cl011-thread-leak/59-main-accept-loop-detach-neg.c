/* CL011 negative (a thread-per-connection server's main): the one handle
 * is reused every round, but each thread is detached right after its
 * start, so nothing is lost when the next start overwrites it (no CL011;
 * the unbounded spawn per connection is CL001).
 */
// class: handle-overwritten-in-main
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static void *serve(void *arg)
{
    close((int)(intptr_t)arg);
    return NULL;
}

int main(void)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0)
        return 1;
    listen(lfd, 16);
    for (;;) {
        pthread_t tid;
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        if (pthread_create(&tid, NULL, serve, (void *)(intptr_t)fd) != 0) { // expect: CL001
            close(fd);
            continue;
        }
        pthread_detach(tid);
    }
}
