/* Pattern: a server object points at a handler table that main fills in
 * at run time; the connection threads dispatch through srv->h->on_msg().
 * Verdict: racy. count_msg() bumps the global message counter from every
 * connection thread without a lock.
 */
// class: function-pointers
#include <pthread.h>

struct handlers {
    void (*on_msg)(int);
    void (*on_close)(int);
};
struct server {
    struct handlers *h;
    int port;
};

static unsigned long messages;

static void count_msg(int fd)
{
    (void)fd;
    messages++; // expect: CL002
}

static void closed(int fd)
{
    (void)fd;
}

static void *conn_thread(void *arg)
{
    struct server *srv = arg;
    for (int i = 0; i < 10; i++)
        srv->h->on_msg(i);
    srv->h->on_close(0);
    return NULL;
}

int main(void)
{
    static struct handlers hs;
    static struct server srv;
    hs.on_msg = count_msg;
    hs.on_close = closed;
    srv.h = &hs;
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, conn_thread, &srv);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return (int)messages;
}
