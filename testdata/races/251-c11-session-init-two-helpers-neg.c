/* Pattern: a C11 server loop allocates a session per client, resets it
 * through two helper layers (session_open -> buf_reset) and registers the
 * session's address in a table the loop keeps for itself, then starts a
 * thread on it with thrd_create.
 * Verdict: race-free. The helpers write the session of the current round
 * before thrd_create; storing its address in the loop's own table does
 * not hand it to anyone; the thread of an earlier round owns an earlier
 * session.
 */
#include <stdlib.h>
#include <threads.h>

// class: heap-init-helpers
// expect-none

struct buf {
    char data[128];
    size_t len;
};

struct session {
    thrd_t thr;
    int fd;
    struct buf in, out;
};

enum { MAX_SESSIONS = 32 };

static void buf_reset(struct buf *b)
{
    b->len = 0;
    b->data[0] = '\0';
}

static void session_open(struct session *s, int fd)
{
    s->fd = fd;
    buf_reset(&s->in);
    buf_reset(&s->out);
}

static int session_main(void *arg)
{
    struct session *s = arg;
    for (size_t i = 0; i < sizeof s->in.data && s->in.len < 64; i++)
        s->in.data[s->in.len++] = (char)s->fd;
    s->out.len = s->in.len;
    return 0;
}

int serve(int (*next_client)(void))
{
    struct session *table[MAX_SESSIONS];
    int n = 0;
    while (n < MAX_SESSIONS) {
        int fd = next_client();
        if (fd < 0)
            break;
        struct session *s = malloc(sizeof *s);
        if (s == NULL)
            break;
        session_open(s, fd);
        table[n] = s;
        if (thrd_create(&s->thr, session_main, s) != thrd_success) {
            free(s);
            break;
        }
        n++;
    }
    for (int i = 0; i < n; i++) {
        thrd_join(table[i]->thr, NULL);
        free(table[i]);
    }
    return n;
}
