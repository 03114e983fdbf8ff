/* Pattern: a listener thread starts one session thread and returns; the
 * session's handle is kept in a global that nobody joins. main joins the
 * listener, then tears the session table down.
 * Verdict: racy. The session thread outlives the listener: main's
 * teardown races with the session's update.
 */
// class: transitive-join
#include <pthread.h>
#include <stdlib.h>

struct session { int state; char *buf; };
static struct session table;
static pthread_t session_tid;

static void *session_main(void *arg)
{
    table.state = 2; // expect: CL002
    return arg;
}

static void *listener(void *arg)
{
    table.buf = malloc(64);
    pthread_create(&session_tid, NULL, session_main, NULL);
    return arg;
}

int main(void)
{
    pthread_t l;
    pthread_create(&l, NULL, listener, NULL);
    pthread_join(l, NULL);
    table.state = 0;
    free(table.buf);
    return 0;
}
