/* CL001 positive: a select() loop (no timeout) over two listening sockets,
 * plain and admin; each accepted connection gets its own thread. The admin
 * port is served inline; only the plain port spawns, without a cap.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

static void *plain_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[512];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    return NULL;
}

static void serve_admin(int fd)
{
    static const char msg[] = "ok\n";
    send(fd, msg, sizeof msg - 1, 0);
    close(fd);
}

void serve_two_ports(int plain_fd, int admin_fd)
{
    int maxfd = plain_fd > admin_fd ? plain_fd : admin_fd;
    for (;;) {
        fd_set rd;
        FD_ZERO(&rd);
        FD_SET(plain_fd, &rd);
        FD_SET(admin_fd, &rd);
        if (select(maxfd + 1, &rd, NULL, NULL, NULL) <= 0)
            continue;
        if (FD_ISSET(admin_fd, &rd)) {
            int fd = accept(admin_fd, NULL, NULL);
            if (fd >= 0)
                serve_admin(fd);
        }
        if (FD_ISSET(plain_fd, &rd)) {
            int fd = accept(plain_fd, NULL, NULL);
            pthread_t tid;
            if (fd >= 0
                && pthread_create(&tid, NULL, plain_main, (void *)(intptr_t)fd) == 0) // expect: CL001
                pthread_detach(tid);
        }
    }
}
