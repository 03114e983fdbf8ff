/* CL013 and CL002 on one line: the loader stores the table size and raises
 * the volatile ready flag in one statement line; the server thread spins on
 * the flag and reads the size when it is up, both on one line too. Two defects: the flag used as the only
 * synchronization (CL013, at its declaration) and the race on the plain
 * `table_size` it was meant to publish (CL002); one does not stand for
 * the other. */
#include <pthread.h>
#include <stddef.h>

static size_t table_size;
static volatile int table_ready; // expect: CL013

static void *loader(void *arg)
{
    (void)arg;
    table_size = 4096; table_ready = 1; // expect: CL002 {{races with read in 'server'}}
    return NULL;
}

static void *server(void *arg)
{
    (void)arg;
    for (;;)
        if (table_ready) return (void *)table_size;
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
