/* CL004 negative: a timed wait with no worker at all. A memcached-style
 * client sends a request and waits for the reply with poll() and a finite
 * timeout, returning on timeout; there is no thread to abandon and nothing
 * blocks on this frame after it returns.
 */
// expect-none
#include <poll.h>
#include <string.h>
#include <sys/socket.h>

ssize_t request_reply(int fd, const char *req, char *buf, size_t cap, int timeout_ms)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    size_t len = strlen(req);
    if (send(fd, req, len, MSG_NOSIGNAL) != (ssize_t)len)
        return -1;
    for (int tries = 0; tries < 3; tries++) {
        int n = poll(&pfd, 1, timeout_ms);
        if (n == 0)
            return -1;                   /* timed out */
        if (n > 0)
            return recv(fd, buf, cap, 0);
    }
    return -1;                           /* interrupted too often */
}
