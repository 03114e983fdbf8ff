/* Pattern: a connection setup with a goto ladder. An invalid request
 * jumps to the `reject` label, which sits after the lock of the normal
 * path; the rejection counter at that label is shared by both paths and
 * the unlock is taken only when the request was valid.
 * Verdict: racy. A rejected request bumps `conn_stats.rejected` holding
 * nothing, while another worker's valid request does it under
 * conn_lock.
 */
// class: conditional-locking
#include <pthread.h>
#include <stdint.h>

struct conn_stats { long accepted, rejected; };
static struct conn_stats conn_stats;
static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;

static int setup(int fd)
{
    int bad = fd < 0 || fd > 1024;
    if (bad)
        goto reject;
    pthread_mutex_lock(&conn_lock);
    conn_stats.accepted++;
reject:
    conn_stats.rejected += bad; // expect: CL002
    if (!bad)
        pthread_mutex_unlock(&conn_lock);
    return bad ? -1 : 0;
}

static void *acceptor(void *arg)
{
    int base = (int)(intptr_t)arg;
    for (int i = 0; i < 100; i++)
        setup(base + i);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, acceptor, (void *)(intptr_t)-50);
    pthread_create(&b, NULL, acceptor, (void *)(intptr_t)3);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(conn_stats.accepted & 1);
}
