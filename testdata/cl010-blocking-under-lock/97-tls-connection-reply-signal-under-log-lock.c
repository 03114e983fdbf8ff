/* CL010 positive: the connection (found through pthread_getspecific) has
 * a reply semaphore built from a mutex and a condition variable. The
 * reader thread only ups it (sem_give in on_reply, no take there), so it
 * is a signal: waiting for it with the log mutex held stalls every logger
 * until the peer answers. */
#include <pthread.h>
#include <stdlib.h>

struct sem {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int count;
};

struct conn {
    struct sem reply;
    int last;
};

static pthread_key_t conn_key;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static struct conn *shared_conn;

static void sem_take(struct sem *s)
{
    pthread_mutex_lock(&s->mu);
    while (s->count == 0)
        pthread_cond_wait(&s->cv, &s->mu);
    s->count--;
    pthread_mutex_unlock(&s->mu);
}

static void sem_give(struct sem *s)
{
    pthread_mutex_lock(&s->mu);
    s->count++;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

static void on_reply(struct conn *c)
{
    sem_give(&c->reply);
}

static void wait_reply(struct conn *c)
{
    sem_take(&c->reply);
}

static void log_and_wait(void)
{
    struct conn *c = pthread_getspecific(conn_key);
    pthread_mutex_lock(&log_lock);
    if (c != NULL)
        wait_reply(c); // expect: CL010
    pthread_mutex_unlock(&log_lock);
}

static void *client(void *arg)
{
    pthread_setspecific(conn_key, arg);
    log_and_wait();
    return NULL;
}

static void *reader(void *arg)
{
    on_reply(arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    shared_conn = calloc(1, sizeof *shared_conn);
    if (shared_conn == NULL)
        return 1;
    pthread_mutex_init(&shared_conn->reply.mu, NULL);
    pthread_cond_init(&shared_conn->reply.cv, NULL);
    pthread_key_create(&conn_key, NULL);
    pthread_create(&a, NULL, client, shared_conn);
    pthread_create(&b, NULL, reader, shared_conn);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
