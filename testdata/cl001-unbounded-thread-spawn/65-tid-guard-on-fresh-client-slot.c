/* CL001 positive: each accepted client gets a fresh record, published in
 * the `last_client` pointer a status page reads, and a reader thread
 * unless the record already has one (`if (!c->reader)`). The record was
 * allocated in this round, so its thread id is always zero: the guard is
 * always taken and one reader starts per connection, without limit.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>

struct client {
    int fd;
    pthread_t reader;
};

static struct client *last_client;

static void *read_client(void *arg)
{
    struct client *c = arg;
    char b[128];
    while (recv(c->fd, b, sizeof b, 0) > 0)
        ;
    return NULL;
}

void serve(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        struct client *c = calloc(1, sizeof *c);
        if (c == NULL)
            continue;
        c->fd = fd;
        last_client = c;
        if (!last_client->reader)
            pthread_create(&last_client->reader, NULL, read_client, last_client); // expect: CL001
    }
}
