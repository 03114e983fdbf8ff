/* CL001 negative: one housekeeping thread is started before the accept
 * loop (outside it) and the loop serves every client inline. There is a
 * spawn and an accept loop in the same function, but never a spawn per
 * client.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Rotates the access log every minute; touches nothing another thread
   writes (a periodic work loop, not coordination). */
static void *housekeeping_main(void *arg)
{
    const char *log_path = arg;
    struct timespec tick = { 60, 0 };
    char old[256];
    for (;;) {
        nanosleep(&tick, NULL);
        snprintf(old, sizeof old, "%s.1", log_path);
        rename(log_path, old);
    }
    return NULL;
}

int serve_inline(int listen_fd)
{
    pthread_t hk;
    if (pthread_create(&hk, NULL, housekeeping_main, (void *)"access.log") != 0)
        return -1;
    pthread_detach(hk);
    int fd;
    while ((fd = accept(listen_fd, NULL, NULL)) >= 0) {
        char buf[256];
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n > 0)
            send(fd, buf, (size_t)n, 0);
        close(fd);
    }
    return 0;
}
