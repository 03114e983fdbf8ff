/* CL013 and CL002, one finding each: a loader thread fills a global
 * settings struct through a helper and raises its volatile `ready`
 * member in the same helper; the server thread spins on `ready` and reads
 * the settings. The flag is CL013's; CL002 folds the two settings races
 * and does not count the flag among them. */
#include <pthread.h>

struct settings {
    int port;
    int backlog;
    volatile int ready; // expect: CL013 {{volatile 's->ready'}}
};

static struct settings conf;

static void publish(struct settings *s, int port)
{
    s->port = port; // expect: CL002 {{and 1 more race on}}
    s->backlog = port / 100;
    s->ready = 1; // expect-related: CL013 {{store to}}
}

static void *loader(void *arg)
{
    (void)arg;
    publish(&conf, 8080);
    return NULL;
}

static void *server(void *arg)
{
    (void)arg;
    while (!conf.ready) // expect-related: CL013 {{read of 'conf.ready' in 'server'}}
        ;
    return (void *)(long)(conf.port + conf.backlog);
}

int main(void)
{
    pthread_t l, s;
    pthread_create(&s, NULL, server, NULL);
    pthread_create(&l, NULL, loader, NULL);
    pthread_join(l, NULL);
    pthread_join(s, NULL);
    return 0;
}
