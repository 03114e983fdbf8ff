/* CL001 negative: a proxy starts one forwarding thread per configured
 * route, at start-up, walking its route list; the helper that prepares a
 * route accepts a pending health-check connection on the route's admin
 * socket (non-blocking) and closes it. The accept is reached from the walk,
 * but the walk's rounds are the routes of the configuration.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct route {
    struct route *next;
    int admin_fd;
    int upstream;
};

static struct route *routes;

static void drain_health_check(struct route *r)
{
    int c = accept(r->admin_fd, NULL, NULL);
    if (c >= 0)
        close(c);
}

static void *forward(void *arg)
{
    struct route *r = arg;
    return r->upstream > 0 ? r : NULL;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        struct route *r = calloc(1, sizeof *r);
        if (r == NULL)
            return 1;
        r->admin_fd = -1;
        r->upstream = atoi(argv[i]);
        r->next = routes;
        routes = r;
    }
    for (struct route *r = routes; r; r = r->next) {
        pthread_t t;
        drain_health_check(r);
        if (pthread_create(&t, NULL, forward, r) == 0)
            pthread_detach(t);
    }
    pthread_exit(NULL);
}
