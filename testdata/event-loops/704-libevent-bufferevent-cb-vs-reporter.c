// The single-loop server of 703 with a statistics reporter thread in
// place of the log flusher: it reads the request total that the
// bufferevent read callback (registered by the accept callback, run by
// main's loop) bumps without a lock.
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct event_base;
struct bufferevent;
struct evconnlistener;
struct sockaddr;
typedef void (*evconnlistener_cb)(struct evconnlistener *, int, struct sockaddr *, int, void *);
typedef void (*bufferevent_data_cb)(struct bufferevent *bev, void *ctx);
typedef void (*bufferevent_event_cb)(struct bufferevent *bev, short what, void *ctx);
struct event_base *event_base_new(void);
int event_base_dispatch(struct event_base *base);
struct evconnlistener *evconnlistener_new_bind(struct event_base *base, evconnlistener_cb cb,
                                               void *ptr, unsigned flags, int backlog,
                                               const struct sockaddr *sa, int socklen);
struct bufferevent *bufferevent_socket_new(struct event_base *base, int fd, int options);
void bufferevent_setcb(struct bufferevent *bufev, bufferevent_data_cb readcb,
                       bufferevent_data_cb writecb, bufferevent_event_cb eventcb, void *cbarg);
int bufferevent_enable(struct bufferevent *bufev, short event);
void bufferevent_free(struct bufferevent *bufev);

struct server {
    struct event_base *base;
    unsigned long requests;
};

static unsigned long open_conns, total_requests;

static void conn_read(struct bufferevent *bev, void *ctx)
{
    struct server *s = ctx;
    (void)bev;
    s->requests++;
    total_requests++; // expect-related: CL002
}

static void conn_event(struct bufferevent *bev, short what, void *ctx)
{
    (void)what, (void)ctx;
    open_conns--;
    bufferevent_free(bev);
}

static void on_accept(struct evconnlistener *l, int fd, struct sockaddr *sa, int len, void *ptr)
{
    struct server *s = ptr;
    (void)l, (void)sa, (void)len;
    struct bufferevent *bev = bufferevent_socket_new(s->base, fd, 1);
    bufferevent_setcb(bev, conn_read, NULL, conn_event, s);
    bufferevent_enable(bev, 0x02);
    open_conns++;
}

static void *stats_reporter(void *arg)
{
    (void)arg;
    for (;;) {
        char line[64];
        int n = snprintf(line, sizeof line, "requests %lu\n", total_requests); // expect: CL002
        if (n > 0 && write(2, line, (size_t)n) < 0)
            break;
        sleep(10);
    }
    return NULL;
}

int main(void)
{
    static struct server srv;
    pthread_t reporter;
    srv.base = event_base_new();
    pthread_create(&reporter, NULL, stats_reporter, NULL);
    evconnlistener_new_bind(srv.base, on_accept, &srv, 0, -1, NULL, 0);
    event_base_dispatch(srv.base);
    return 0;
}
