/* Pattern: the two-file session module with the stop request under the
 * session lock on both sides.
 * Verdict: race-free, see main.c.
 */
#include <unistd.h>

#include "session.h"

// class: heap-contexts
// expect-none

static pthread_mutex_t session_lock = PTHREAD_MUTEX_INITIALIZER;

static int pump(struct session *s)
{
    char buf[256];
    ssize_t n = read(s->fd, buf, sizeof buf);
    if (n > 0)
        s->bytes += (unsigned long)n;
    return n > 0;
}

static int closing(struct session *s)
{
    pthread_mutex_lock(&session_lock);
    int c = s->closing;
    pthread_mutex_unlock(&session_lock);
    return c;
}

static void *session_main(void *arg)
{
    struct session_ref *ref = arg;
    while (!closing(ref->s) && pump(ref->s))
        ;
    return NULL;
}

int session_start(struct session_ref *ref)
{
    return pthread_create(&ref->s->tid, NULL, session_main, ref);
}

void session_stop(struct session_ref *ref)
{
    pthread_mutex_lock(&session_lock);
    ref->s->closing = 1;
    pthread_mutex_unlock(&session_lock);
    pthread_join(ref->s->tid, NULL);
}
