/* CL001 negative: fork/join per request with a goto cleanup ladder (the
 * error handling style of libmicrohttpd and mosquitto): the request
 * handler starts a line-counting thread next to its own work, and every path
 * after the spawn, the error paths included, leaves through the `out:`
 * label that joins it. At most one helper per request in flight: the
 * join at the label must count on the goto paths too.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct req {
    int fd;
    ssize_t len;
    unsigned lines;
    char body[4096];
};

/* Counts the lines of the body next to the reply. */
static void *count_lines(void *arg)
{
    struct req *r = arg;
    const char *end = r->body + r->len;
    r->lines = 0;
    for (const char *p = r->body; p < end; p++)
        if (*p == '\n')
            r->lines++;
    return NULL;
}

static int handle_request(int fd)
{
    struct req *r = calloc(1, sizeof *r);
    pthread_t helper;
    int rc = -1;
    if (r == NULL)
        return -1;
    r->fd = fd;
    r->len = recv(fd, r->body, sizeof r->body, 0);
    if (r->len <= 0)
        goto free_req;
    if (pthread_create(&helper, NULL, count_lines, r) != 0)
        goto free_req;
    if (send(fd, "ok\n", 3, 0) != 3)
        goto out;
    if (send(fd, r->body, (size_t)r->len, 0) != r->len)
        goto out;
    rc = 0;
out:
    pthread_join(helper, NULL);
free_req:
    free(r);
    return rc;
}

void serve_joined(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        handle_request(fd);
        close(fd);
    }
}
