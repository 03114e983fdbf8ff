/* CL013 negative: the fixed form of 01: the stop flag is atomic_int,
 * stored with atomic_store and polled with atomic_load. (Shared case 19
 * has the same idiom.)
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

static atomic_int g_stop;
static int g_listen_fd = -1;

static void *listener_main(void *arg)
{
    (void)arg;
    while (!atomic_load(&g_stop)) {
        int fd = accept(g_listen_fd, NULL, NULL);
        if (fd >= 0)
            close(fd);
    }
    return NULL;
}

int main(void)
{
    pthread_t listener;
    g_listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (pthread_create(&listener, NULL, listener_main, NULL) != 0)
        return 1;
    sleep(5);
    atomic_store(&g_stop, 1);
    shutdown(g_listen_fd, SHUT_RDWR);
    pthread_join(listener, NULL);
    close(g_listen_fd);
    return 0;
}
