/* Pattern: connection threads dispatch through srv->h->on_msg(), and the
 * handler writes only into the connection state its thread owns.
 * Verdict: race-free.
 */
// class: function-pointers
// expect-none
#include <pthread.h>

struct conn {
    int fd;
    unsigned long seen;
};
struct handlers {
    void (*on_msg)(struct conn *);
};
struct server {
    struct handlers *h;
};
struct job {
    struct server *srv;
    struct conn conn;
};

static void count_msg(struct conn *c)
{
    c->seen++;
}

static void *conn_thread(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < 10; i++)
        j->srv->h->on_msg(&j->conn);
    return NULL;
}

int main(void)
{
    static struct handlers hs;
    static struct server srv;
    static struct job jobs[2];
    hs.on_msg = count_msg;
    srv.h = &hs;
    pthread_t t[2];
    for (int i = 0; i < 2; i++) {
        jobs[i].srv = &srv;
        jobs[i].conn.fd = i;
        pthread_create(&t[i], NULL, conn_thread, &jobs[i]);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return (int)(jobs[0].conn.seen + jobs[1].conn.seen);
}
