/* Pattern: the twin of 843 where the handle goes into one global and the
 * shutdown joins another (a leftover from a refactoring): the source
 * thread is never joined before main reads what it wrote.
 * Verdict: racy.
 */
// class: join
#include <pthread.h>
#include <stdlib.h>

static pthread_t source_thread, sink_thread;
static int eof;

static void *source_main(void *arg)
{
    (void)arg;
    eof = 1; // expect: CL002
    return NULL;
}

static void *sink_main(void *arg)
{
    (void)arg;
    return NULL;
}

static pthread_t xcreate(void *(*entry)(void *))
{
    pthread_t t;
    if (pthread_create(&t, NULL, entry, NULL) != 0)
        abort();
    return t;
}

static void init_io(void)
{
    source_thread = xcreate(source_main);
    sink_thread = xcreate(sink_main);
}

static void uninit_io(void)
{
    pthread_join(sink_thread, NULL);
}

int main(void)
{
    init_io();
    uninit_io();
    return eof;
}
