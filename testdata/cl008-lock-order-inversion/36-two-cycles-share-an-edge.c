/* CL008 positive (a mail server's spool): four threads over three locks.
 * The delivery thread takes spool_lock then queue_lock; the bouncer takes
 * queue_lock then spool_lock (a cycle of two). The scheduler takes
 * queue_lock then dns_lock and the resolver dns_lock then spool_lock,
 * which with the delivery thread's spool -> queue closes a cycle of
 * three. The delivery thread's acquisition is in both cycles: one
 * finding there, not one per cycle (the fix is the same order).
 */
#include <pthread.h>

static pthread_mutex_t spool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t dns_lock = PTHREAD_MUTEX_INITIALIZER;
static int spooled, queued, resolved;

static void *delivery(void *arg)
{
    pthread_mutex_lock(&spool_lock);
    pthread_mutex_lock(&queue_lock); // expect: CL008 {{'queue_lock' is taken while 'spool_lock' is held, but thread 'bouncer'}}
    spooled--;
    queued++;
    pthread_mutex_unlock(&queue_lock);
    pthread_mutex_unlock(&spool_lock);
    return arg;
}

static void *bouncer(void *arg)
{
    pthread_mutex_lock(&queue_lock);
    pthread_mutex_lock(&spool_lock); // expect: CL008 {{'spool_lock' is taken while 'queue_lock' is held}}
    queued--;
    spooled++;
    pthread_mutex_unlock(&spool_lock);
    pthread_mutex_unlock(&queue_lock);
    return arg;
}

static void *scheduler(void *arg)
{
    pthread_mutex_lock(&queue_lock);
    pthread_mutex_lock(&dns_lock); // expect: CL008 {{form a cycle}}
    resolved += queued;
    pthread_mutex_unlock(&dns_lock);
    pthread_mutex_unlock(&queue_lock);
    return arg;
}

static void *resolver(void *arg)
{
    pthread_mutex_lock(&dns_lock);
    pthread_mutex_lock(&spool_lock); // expect: CL008 {{form a cycle}}
    spooled += resolved;
    pthread_mutex_unlock(&spool_lock);
    pthread_mutex_unlock(&dns_lock);
    return arg;
}

int main(void)
{
    void *(*fns[4])(void *) = { delivery, bouncer, scheduler, resolver };
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, fns[i], NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
