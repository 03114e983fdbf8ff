/* CL001 positive: the request record comes from one of two allocators
 * (a large or a small one), both fresh in this round; the `started` test
 * after the join is on the new record on either path, so it admits every
 * message and a handler thread starts per message.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

struct req {
    size_t len;
    int started;
    char *body;
};

static struct req *current;

static void *handle(void *arg)
{
    return arg;
}

void pump(int sock)
{
    char buf[4096];
    ssize_t n;
    while ((n = recv(sock, buf, sizeof buf, 0)) > 0) {
        struct req *r;
        if (n > 1024)
            r = calloc(1, sizeof *r);
        else
            r = malloc(sizeof *r);
        if (r == NULL)
            return;
        current = r;
        current->started = 0;
        current->len = (size_t)n;
        current->body = malloc((size_t)n);
        if (current->body != NULL)
            memcpy(current->body, buf, (size_t)n);
        if (!current->started) {
            pthread_t t;
            current->started = 1;
            if (pthread_create(&t, NULL, handle, current) == 0) // expect: CL001
                pthread_detach(t);
        }
    }
}
