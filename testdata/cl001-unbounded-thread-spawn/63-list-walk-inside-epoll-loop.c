/* CL001 positive: an event loop (`for (;;)` around epoll_wait) whose
 * rounds walk the list of ready sessions and start a worker thread for
 * each session with input. The list walk is bounded by the sessions that
 * exist, but the loop around it runs once per batch of events, forever,
 * and nothing bounds the live workers. (The worker's clearing of the
 * session's flag also races with the loop's next test of it.)
 */
#include <pthread.h>
#include <sys/epoll.h>

struct session {
    struct session *next;
    int fd;
    int has_input;
};

static struct session *ready;

static void *work(void *arg)
{
    struct session *s = arg;
    s->has_input = 0; // expect: CL002
    return NULL;
}

static void collect_ready(int ep)
{
    struct epoll_event evs[16];
    int n = epoll_wait(ep, evs, 16, -1);
    for (int i = 0; i < n; i++) {
        struct session *s = evs[i].data.ptr;
        s->has_input = 1;
        s->next = ready;
        ready = s;
    }
}

int main(void)
{
    int ep = epoll_create1(0);
    for (;;) {
        collect_ready(ep);
        for (struct session *s = ready; s; s = s->next) {
            pthread_t t;
            if (s->has_input && pthread_create(&t, NULL, work, s) == 0) // expect: CL001
                pthread_detach(t);
        }
        ready = NULL;
    }
}
