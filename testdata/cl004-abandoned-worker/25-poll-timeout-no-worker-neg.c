/* CL004 negative: a timed wait with no worker at all. A client waits for
 * the server's reply with poll() and a finite timeout and returns on
 * timeout; there is no thread to abandon.
 */
// expect-none
#include <poll.h>
#include <sys/socket.h>

ssize_t recv_reply(int fd, char *buf, size_t cap, int timeout_ms)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    int n = poll(&pfd, 1, timeout_ms);
    if (n <= 0)
        return -1;                       /* timed out or failed */
    return recv(fd, buf, cap, 0);
}
