/* CL001 negative: a collector loads its plugins, then starts a reader
 * thread for each one with a `while (p) { ...; p = p->next; }` walk over
 * the loaded list. Each plugin's init probes its device with recv() on a
 * socket it opened, so the walk reaches a receive; its rounds are still the
 * plugins loaded at start-up, one thread each.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>
#include <sys/socket.h>

struct plugin {
    struct plugin *next;
    int sock;
    int ready;
    pthread_t reader;
};

static struct plugin plugins[3] = {
    { &plugins[1], -1, 0, 0 },
    { &plugins[2], -1, 0, 0 },
    { NULL, -1, 0, 0 },
};

static int plugin_probe(struct plugin *p)
{
    char hello[8];
    p->ready = p->sock >= 0 && recv(p->sock, hello, sizeof hello, 0) > 0;
    return p->ready;
}

static void *reader_main(void *arg)
{
    struct plugin *p = arg;
    char buf[64];
    while (recv(p->sock, buf, sizeof buf, 0) > 0)
        ;
    return NULL;
}

static void start_readers(struct plugin *head)
{
    struct plugin *p = head;
    while (p) {
        if (plugin_probe(p))
            pthread_create(&p->reader, NULL, reader_main, p);
        p = p->next;
    }
}

int main(void)
{
    start_readers(&plugins[0]);
    for (struct plugin *p = &plugins[0]; p != NULL; p = p->next)
        if (p->ready)
            pthread_join(p->reader, NULL);
    return 0;
}
