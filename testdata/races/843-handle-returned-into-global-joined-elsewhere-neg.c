/* Pattern: lbzip2's init_io/uninit_io: a wrapper starts the source thread
 * and gives its handle back by value; the caller keeps it in a global,
 * and another function joins the thread through that global before main
 * reads what the thread wrote.
 * Verdict: race-free. The join orders the thread's write before the read.
 */
// class: join
// expect-none
#include <pthread.h>
#include <stdlib.h>

static pthread_t source_thread;
static int eof;

static void *source_main(void *arg)
{
    (void)arg;
    eof = 1;
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
}

static void uninit_io(void)
{
    pthread_join(source_thread, NULL);
}

int main(void)
{
    init_io();
    uninit_io();
    return eof;
}
