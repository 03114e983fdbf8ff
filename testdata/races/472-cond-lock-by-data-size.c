/* Pattern: a helper takes the accounting lock only for "large" requests,
 * on the belief that small ones cannot collide; the decision is made from
 * the request's size, a local.
 * Verdict: racy. Two small requests in two workers update acct_bytes with
 * no lock.
 */
// class: conditional-locking
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t acct_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long acct_bytes;

static void account(size_t len)
{
    int big = len > 4096;
    if (big)
        pthread_mutex_lock(&acct_lock);
    acct_bytes += len; // expect: CL002
    if (big)
        pthread_mutex_unlock(&acct_lock);
}

static void *serve(void *arg)
{
    unsigned seed = (unsigned)(size_t)arg;
    for (int i = 0; i < 100; i++)
        account((size_t)rand_r(&seed) % 8192);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, serve, (void *)1);
    pthread_create(&b, NULL, serve, (void *)2);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return acct_bytes == 0;
}
