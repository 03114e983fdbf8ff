/* CL001 positive (a new user's report): each accepted connection is pushed
 * on the list, then the list is walked and every connection not yet
 * started gets its thread. Only the new head is unstarted in each round,
 * so the walk starts one thread per connection; the `started` flag of an
 * object allocated in this round admits everything.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
struct conn { struct conn *next; int fd; int started; pthread_t tid; };
static struct conn *conns;
static void *conn_main(void *arg) { (void)arg; return NULL; }
int main(void)
{
    for (;;) {
        int fd = accept(3, NULL, NULL);
        if (fd < 0) continue;
        struct conn *c = calloc(1, sizeof *c);
        c->fd = fd; c->next = conns; conns = c;
        for (struct conn *s = conns; s; s = s->next)
            if (!s->started) {
                s->started = 1;
                pthread_create(&s->tid, NULL, conn_main, s); // expect: CL001
                pthread_detach(s->tid);
            }
    }
}
