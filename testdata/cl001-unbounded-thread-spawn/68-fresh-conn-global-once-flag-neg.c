/* CL001 negative: every connection gets a fresh record, but the thread
 * started in the loop is the single statistics reporter, guarded by a
 * global once-flag the loop itself sets; the fresh record is not what the
 * guard tests. One reporter at most.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>

struct conn {
    struct conn *next;
    int fd;
};

static struct conn *conns;
static int reporter_started;
static pthread_t reporter;

static void *report(void *arg)
{
    return arg;
}

int main(void)
{
    for (;;) {
        int fd = accept(3, NULL, NULL);
        if (fd < 0)
            continue;
        struct conn *c = calloc(1, sizeof *c);
        if (c == NULL)
            continue;
        c->fd = fd;
        c->next = conns;
        conns = c;
        if (!reporter_started) {
            reporter_started = 1;
            pthread_create(&reporter, NULL, report, NULL);
        }
    }
}
