/* Pattern: a C11 loop fills a session with a helper, publishes it in a
 * global (`last_session`) and starts a thread on it; at the top of the
 * next round a helper closes the published session without joining its
 * thread.
 * Verdict: racy. Once stored in the global, the session is named through
 * it; session_close(last_session) in the next round writes the object the
 * earlier thread reads. session_fill, before the publication, writes the
 * round's own session and is not the problem.
 */
#include <stdlib.h>
#include <threads.h>

// class: heap-init-helpers

struct session {
    int fd;
    int done;
};

static struct session *last_session;

static void session_fill(struct session *s, int fd)
{
    s->fd = fd;
    s->done = 0;
}

static void session_close(struct session *s)
{
    s->done = 1; // expect-related: CL002 {{conflicting write of 's->done' in 'session_close'}}
}

static int session_thread(void *arg)
{
    struct session *s = arg;
    int spins = 0;
    while (!s->done && spins < 1000) // expect: CL002 {{races with write in 'session_close'}}
        spins += s->fd;
    return spins;
}

void run_sessions(int n)
{
    for (int k = 0; k < n; k++) {
        if (last_session != NULL)
            session_close(last_session);
        struct session *s = malloc(sizeof *s);
        if (s == NULL)
            break;
        session_fill(s, k);
        last_session = s;
        thrd_t t;
        if (thrd_create(&t, session_thread, s) != thrd_success)
            break;
        thrd_detach(t);
    }
}
