/* Pattern: struct fields with separate locks, but the fields are adjacent
 * bit-fields.
 * Verdict: racy. C11 (3.14) makes a sequence of adjacent non-zero-width
 * bit-fields ONE memory location: writing `state` under state_lock and
 * `retries` under retry_lock is a data race (each write is a
 * read-modify-write of the shared storage unit). Both in spawned threads;
 * the earlier line carries the expectation.
 */
#include <pthread.h>

static struct {
    unsigned state : 4;        /* "guarded by" state_lock */
    unsigned retries : 4;      /* "guarded by" retry_lock */
} conn;
static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t retry_lock = PTHREAD_MUTEX_INITIALIZER;

static void *state_machine(void *arg)
{
    for (unsigned i = 0; i < 1000; i++) {
        pthread_mutex_lock(&state_lock);
        conn.state = i & 0xf; // expect: CL002
        pthread_mutex_unlock(&state_lock);
    }
    return arg;
}

static void *retrier(void *arg)
{
    for (unsigned i = 0; i < 1000; i++) {
        pthread_mutex_lock(&retry_lock);
        conn.retries = (conn.retries + 1) & 0xf;
        pthread_mutex_unlock(&retry_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, state_machine, NULL);
    pthread_create(&b, NULL, retrier, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)conn.state;
}
