/* CL014 negative (the default "libc": "glibc"): a worker pool logs
 * failures with strerror(errno) and the peer with inet_ntoa, and spreads
 * its retries with rand(). glibc keeps strerror's and inet_ntoa's buffers
 * per thread (strerror since 2.32) and locks rand's state, so the calls
 * cannot overwrite each other's results there. A portable program sets
 * "libc": "posix" (13-posix-target) and gets them reported.
 */
// expect-none
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct conn { int fd; struct sockaddr_in peer; };

static void *serve(void *arg)
{
    struct conn *c = arg;
    char buf[512];
    for (int attempt = 0; attempt < 3; attempt++) {
        ssize_t n = read(c->fd, buf, sizeof buf);
        if (n >= 0)
            break;
        fprintf(stderr, "%s: read: %s\n", inet_ntoa(c->peer.sin_addr), strerror(errno));
        usleep((useconds_t)(rand() % 1000));
    }
    close(c->fd);
    free(c);
    return NULL;
}

int main(void)
{
    for (int i = 0; i < 4; i++) {
        struct conn *c = calloc(1, sizeof *c);
        pthread_t t;
        if (c == NULL)
            return 1;
        c->fd = i + 3;
        if (pthread_create(&t, NULL, serve, c) != 0) {
            free(c);
            return 1;
        }
        pthread_detach(t);
    }
    pthread_exit(NULL);
}
