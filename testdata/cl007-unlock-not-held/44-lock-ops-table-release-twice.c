/* CL007 positive, the twin of 43: an error path releases the lock through
 * the table a second time after the normal release (a copy-pasted
 * cleanup), with the operations table filled by designated members.
 */
// class: callback-table
#include <pthread.h>

struct lock_ops {
    void (*acquire)(void *);
    void (*release)(void *);
};

static void mutex_acquire(void *m) { pthread_mutex_lock(m); }
static void mutex_release(void *m) { pthread_mutex_unlock(m); }

static const struct lock_ops ops = { .release = mutex_release, .acquire = mutex_acquire };
static pthread_mutex_t journal_mu = PTHREAD_MUTEX_INITIALIZER;
static int journal_len;

static int append(int bad)
{
    ops.acquire(&journal_mu);
    journal_len++;
    ops.release(&journal_mu);
    if (bad) {
        ops.release(&journal_mu); // expect: CL007
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    return append(argc > 2) != 0;
}
