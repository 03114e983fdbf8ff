/* Pattern: main parses the configuration, then starts an acceptor thread
 * that starts a detached handler thread per connection; the handlers read
 * the configuration. main then joins the acceptor, which never returns
 * in practice.
 * Verdict: race-free. The configuration is written before the acceptor
 * (and so every handler it starts) exists; handlers that outlive the
 * acceptor only read.
 */
// class: transitive-join
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static struct { int port; int verbose; } conf;

static void *handle(void *arg)
{
    if (conf.verbose)
        fprintf(stderr, "conn on %d\n", conf.port);
    free(arg);
    return NULL;
}

static void *acceptor(void *arg)
{
    for (int i = 0; i < 8; i++) {
        int *fd = malloc(sizeof *fd);
        pthread_t t;
        if (fd == NULL)
            break;
        *fd = i;
        if (pthread_create(&t, NULL, handle, fd) != 0) {
            free(fd);
            break;
        }
        pthread_detach(t);
    }
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t a;
    conf.port = argc > 1 ? atoi(argv[1]) : 8080;
    conf.verbose = argc > 2;
    pthread_create(&a, NULL, acceptor, NULL);
    pthread_join(a, NULL);
    return 0;
}
