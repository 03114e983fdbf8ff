/* CL001 positive: C11 <threads.h>. A line-protocol server spawns a thrd_t
 * per accepted connection inside `while ((fd = accept(...)) >= 0)` and
 * detaches it; no bound on live threads.
 */
#include <ctype.h>
#include <stdint.h>
#include <sys/socket.h>
#include <threads.h>
#include <unistd.h>

static int upper_echo(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[256];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
        for (ssize_t i = 0; i < n; i++)
            buf[i] = (char)toupper((unsigned char)buf[i]);
        send(fd, buf, (size_t)n, 0);
    }
    close(fd);
    return 0;
}

int serve_upper(int listen_fd)
{
    int fd;
    while ((fd = accept(listen_fd, NULL, NULL)) >= 0) {
        thrd_t t;
        if (thrd_create(&t, upper_echo, (void *)(intptr_t)fd) != thrd_success) { // expect: CL001
            close(fd);
            continue;
        }
        thrd_detach(t);
    }
    return -1;
}
