/* CL001 positive: `set_handler(on_conn)` is a project function that
 * forwards its callback to another project function, which stores it in
 * the dispatch table; the event loop calls the stored handler once per
 * connection, and the handler starts a thread each time with no bound.
 * Forwarding a callback through project functions is not running it now
 * (contrast pthread_once behind a wrapper, case 48).
 */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

typedef void (*conn_handler)(int fd);

static conn_handler table[1];

static void table_put(conn_handler h)
{
    table[0] = h;
}

static void set_handler(conn_handler h)
{
    table_put(h);
}

static void *talk(void *arg)
{
    close((int)(long)arg);
    return NULL;
}

static void on_conn(int fd)
{
    pthread_t t;
    pthread_create(&t, NULL, talk, (void *)(long)fd); // expect: CL001
    pthread_detach(t);
}

void run(int lfd)
{
    set_handler(on_conn);
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            return;
        table[0](fd);
    }
}
