/* CL002 negative: the lock is taken only when the caller says the table
 * is shared (`if (locked) pthread_mutex_lock(...)`), and every thread passes
 * locked = 1. A must-lockset loses the lock at the `if`; conc-lint treats a
 * lock held on some path to both accesses as protecting them.
 */
// expect-none
#include <pthread.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static long table_hits;

static void table_bump(int locked)
{
    if (locked)
        pthread_mutex_lock(&table_lock);
    table_hits++;
    if (locked)
        pthread_mutex_unlock(&table_lock);
}

static void *worker_main(void *arg)
{
    for (int i = 0; i < 1000; i++)
        table_bump(1);
    return arg;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker_main, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return (int)table_hits;
}
