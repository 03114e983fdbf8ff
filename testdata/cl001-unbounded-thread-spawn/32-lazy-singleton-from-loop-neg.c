/* CL001 negative: the request loop calls ensure_flusher() for every request,
 * but the flusher thread is started only the first time: the flag is tested
 * and set on the path that spawns, so one thread runs at most. Only the loop
 * thread touches the flag.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static int flusher_started;

static void *flusher_main(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

static void ensure_flusher(void)
{
    if (!flusher_started) {
        pthread_t tid;
        flusher_started = 1;
        if (pthread_create(&tid, NULL, flusher_main, NULL) == 0)
            pthread_detach(tid);
    }
}

void request_loop(int fd)
{
    char buf[256];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
        ensure_flusher();
        send(fd, buf, (size_t)n, 0);
    }
}
