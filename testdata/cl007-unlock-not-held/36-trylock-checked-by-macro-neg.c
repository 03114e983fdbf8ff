/* CL007 negative (a library's "try or bail" macro): the trylock's result
 * is the operand of a macro that returns when it failed; the statement is
 * not the call itself, so its result is used.
 */
// class: trylock-result-dropped
// expect-none
#include <pthread.h>

#define TRY_OR_RETURN(call) do { if ((call) != 0) return; } while (0)

static pthread_mutex_t idx_lock = PTHREAD_MUTEX_INITIALIZER;
static int idx_dirty;

static void index_sync(void)
{
    TRY_OR_RETURN(pthread_mutex_trylock(&idx_lock));
    idx_dirty = 0;
    pthread_mutex_unlock(&idx_lock);
}

static void *syncer(void *arg)
{
    index_sync();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, syncer, NULL);
    pthread_create(&b, NULL, syncer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
