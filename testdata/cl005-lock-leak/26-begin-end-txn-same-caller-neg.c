/* CL005 negative: the journal lock is taken in txn_begin() and released
 * in txn_end(), both called by the same caller; txn_begin() is an acquire
 * wrapper that returns with the lock held.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

struct journal { pthread_mutex_t m; long seq; FILE *out; };
static struct journal jn = { PTHREAD_MUTEX_INITIALIZER, 0, NULL };

static long txn_begin(struct journal *j)
{
    pthread_mutex_lock(&j->m);
    return ++j->seq;
}

static void txn_end(struct journal *j, long seq)
{
    if (j->out != NULL)
        fprintf(j->out, "commit %ld\n", seq);
    pthread_mutex_unlock(&j->m);
}

static void *appender(void *arg)
{
    for (int i = 0; i < 100; i++) {
        long s = txn_begin(&jn);
        txn_end(&jn, s);
    }
    return arg;
}

int main(void)
{
    pthread_t a, b;
    jn.out = stdout;
    pthread_create(&a, NULL, appender, NULL);
    pthread_create(&b, NULL, appender, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
