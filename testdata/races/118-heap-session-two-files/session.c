/* Pattern: a session module in its own file runs each session on a thread
 * whose argument is a reference struct holding the session; main.c (the
 * other file) allocates both on the heap.
 * Verdict: racy, see main.c: the session thread reads s->closing unlocked
 * while main sets it.
 */
#include <unistd.h>

#include "session.h"

// class: heap-contexts

static int pump(struct session *s)
{
    char buf[256];
    ssize_t n = read(s->fd, buf, sizeof buf);
    if (n > 0)
        s->bytes += (unsigned long)n;
    return n > 0;
}

static void *session_main(void *arg)
{
    struct session_ref *ref = arg;
    while (!ref->s->closing && pump(ref->s)) // expect: CL002 {{races with write in 'main'}}
        ;
    return NULL;
}

int session_start(struct session_ref *ref)
{
    return pthread_create(&ref->s->tid, NULL, session_main, ref);
}

void session_stop(struct session_ref *ref)
{
    pthread_join(ref->s->tid, NULL);
}
