/* CL001 positive: an accept loop over several listening sockets. Each
 * round of the outer `for (;;)` walks the listener list and starts a
 * thread per accepted connection, with nothing bounding the live ones. The
 * inner walk is a list, not the event loop; the outer loop is.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

struct listener {
    struct listener *next;
    int fd;
};

static struct listener *listeners;

static void *serve(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[512];
    while (recv(fd, buf, sizeof buf, 0) > 0)
        ;
    close(fd);
    return NULL;
}

int main(void)
{
    for (;;) {
        for (struct listener *l = listeners; l != NULL; l = l->next) {
            int c = accept(l->fd, NULL, NULL);
            if (c < 0)
                continue;
            pthread_t t;
            if (pthread_create(&t, NULL, serve, (void *)(intptr_t)c) == 0) // expect: CL001
                pthread_detach(t);
        }
    }
}
