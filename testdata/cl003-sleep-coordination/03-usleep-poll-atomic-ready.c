/* CL003 positive: main waits for the listener thread to finish binding by
 * spinning on an atomic flag with usleep(). The flag is atomic, so there is
 * no data race, but polling with a sleep is the coordination bug: it should
 * be a condition variable, a semaphore or a barrier.
 * The polled flag is seen through the atomic operations (atomic_load and
 * atomic_store are atomic access events).
 */
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static atomic_int listener_ready;        /* 1 bound, -1 failed */

static void *listener_main(void *arg)
{
    unsigned short port = *(const unsigned short *)arg;
    struct sockaddr_in sa;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 128) != 0) {
        atomic_store(&listener_ready, -1); // expect-related: CL003 {{written here by thread 'listener_main'}}
        return NULL;
    }
    atomic_store(&listener_ready, 1);
    for (;;) {
        int c = accept(fd, NULL, NULL);
        if (c >= 0)
            close(c);
    }
    return NULL;
}

int start_listener(const unsigned short *port, pthread_t *tid)
{
    if (pthread_create(tid, NULL, listener_main, (void *)port) != 0)
        return -1;
    while (atomic_load(&listener_ready) == 0)
        usleep(1000); // expect: CL003 {{'usleep' polls 'listener_ready'}}
    return atomic_load(&listener_ready) == 1 ? 0 : -1;
}
