/* CL008 positive: the classic bank transfer locking `from` then `to`
 * without ordering the two accounts; two tellers move money in opposite
 * directions between the same two accounts. */
#include <pthread.h>

struct account { pthread_mutex_t lock; long balance; };

static struct account alice = { PTHREAD_MUTEX_INITIALIZER, 100 };
static struct account bob = { PTHREAD_MUTEX_INITIALIZER, 100 };

static void transfer(struct account *from, struct account *to, long amount)
{
    pthread_mutex_lock(&from->lock);
    pthread_mutex_lock(&to->lock); // expect: CL008
    from->balance -= amount;
    to->balance += amount;
    pthread_mutex_unlock(&to->lock);
    pthread_mutex_unlock(&from->lock);
}

static void *teller_a(void *arg)
{
    (void)arg;
    transfer(&alice, &bob, 10);
    return NULL;
}

static void *teller_b(void *arg)
{
    (void)arg;
    transfer(&bob, &alice, 5);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, teller_a, NULL);
    pthread_create(&b, NULL, teller_b, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
