/* Pattern: a server's connection threads hand each buffer to the protocol
 * of the listener they were accepted on (c->listener->proto->on_data());
 * the listener's protocol is picked at run time by listener_init().
 * Verdict: racy. http_on_data() adds to the global traffic counters with
 * no lock, from every connection thread.
 */
// class: function-pointers
#include <pthread.h>
#include <stdlib.h>

struct conn;
struct proto {
    const char *name;
    void (*on_data)(struct conn *, const char *buf, size_t n);
};
struct listener {
    int fd;
    const struct proto *proto;
};
struct conn {
    int fd;
    struct listener *listener;
};

static struct {
    unsigned long bytes_in, requests;
} traffic;

static void http_on_data(struct conn *c, const char *buf, size_t n)
{
    (void)c;
    (void)buf;
    traffic.bytes_in += n; // expect: CL002
}

static const struct proto http_proto = { "http", http_on_data };

static void listener_init(struct listener *l, int fd)
{
    l->fd = fd;
    l->proto = &http_proto;
}

static void *conn_thread(void *arg)
{
    struct conn *c = arg;
    char buf[512] = { 0 };
    for (int i = 0; i < 8; i++)
        c->listener->proto->on_data(c, buf, sizeof buf);
    free(c);
    return NULL;
}

int main(void)
{
    static struct listener lst;
    pthread_t t[4];
    listener_init(&lst, 3);
    for (int i = 0; i < 4; i++) {
        struct conn *c = calloc(1, sizeof *c);
        if (c == NULL)
            return 1;
        c->fd = 10 + i;
        c->listener = &lst;
        pthread_create(&t[i], NULL, conn_thread, c);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return (int)traffic.bytes_in;
}
