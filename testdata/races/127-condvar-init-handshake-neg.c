/* Pattern: an initialization handshake. The service thread sets up its
 * context (a static object handed over as the start argument), then marks it initialized under
 * the context's mutex and signals; the creator waits in a predicate loop
 * (through a helper) before it reads what the thread set up. Afterwards
 * the thread only touches its own counters under the lock.
 * Verdict: race-free. The setup writes come before the locked status
 * store; the creator's reads come after its wait loop saw the status under
 * the same mutex.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>

enum { ST_NEW, ST_READY };

struct service {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int status;
    int nslots;
    char name[16];
    long served;
};

static void set_status(struct service *s, int st)
{
    pthread_mutex_lock(&s->lock);
    s->status = st;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
}

static void wait_status(struct service *s, int st)
{
    pthread_mutex_lock(&s->lock);
    while (s->status != st)
        pthread_cond_wait(&s->changed, &s->lock);
    pthread_mutex_unlock(&s->lock);
}

static void *service_main(void *arg)
{
    struct service *s = arg;
    s->nslots = 64;
    s->name[0] = 's';
    s->name[1] = '\0';
    set_status(s, ST_READY);
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&s->lock);
        s->served++;
        pthread_mutex_unlock(&s->lock);
    }
    return NULL;
}

static struct service svc;

int main(void)
{
    pthread_t t;
    pthread_mutex_init(&svc.lock, NULL);
    pthread_cond_init(&svc.changed, NULL);
    pthread_create(&t, NULL, service_main, &svc);
    wait_status(&svc, ST_READY);
    printf("%s has %d slots\n", svc.name, svc.nslots);
    pthread_join(t, NULL);
    return 0;
}
