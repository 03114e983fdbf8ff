/* Pattern: per-object locks on heap objects, each object under its own lock.
 * Verdict: race-free. Two session objects hang off globals; every thread
 * that touches a session's `bytes` holds that same session's lock.
 */
// class: lock-in-object
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct session {
    pthread_mutex_t lock;
    long bytes;
};
static struct session *sess_a, *sess_b;

static void account_bytes(struct session *s, long n)
{
    pthread_mutex_lock(&s->lock);
    s->bytes += n;
    pthread_mutex_unlock(&s->lock);
}

static void *net_in(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        account_bytes(sess_a, 10);
        account_bytes(sess_b, 20);
    }
    return arg;
}

static void *net_out(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&sess_b->lock);
        sess_b->bytes -= 5;
        pthread_mutex_unlock(&sess_b->lock);
        account_bytes(sess_a, -5);
    }
    return arg;
}

int main(void)
{
    sess_a = calloc(1, sizeof *sess_a);
    sess_b = calloc(1, sizeof *sess_b);
    if (sess_a == NULL || sess_b == NULL)
        return 1;
    pthread_mutex_init(&sess_a->lock, NULL);
    pthread_mutex_init(&sess_b->lock, NULL);
    pthread_t a, b;
    pthread_create(&a, NULL, net_in, NULL);
    pthread_create(&b, NULL, net_out, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld %ld\n", sess_a->bytes, sess_b->bytes);
    return 0;
}
