/* CL010 negative: each worker finds its connection through thread-local
 * storage (pthread_getspecific: the analysis cannot name the object). The
 * connection's send gate is a semaphore built from a mutex, a condition
 * variable and a count; every function that releases it acquired it
 * first (a lock), so acquiring it while the log mutex is held is lock
 * nesting, not a wait for another thread. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct gate {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int free_slots;
};

struct conn {
    int fd;
    struct gate send_gate;
    long sent;
};

static pthread_key_t conn_key;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static long log_lines;

static void gate_take(struct gate *g)
{
    pthread_mutex_lock(&g->mu);
    while (g->free_slots == 0)
        pthread_cond_wait(&g->cv, &g->mu);
    g->free_slots--;
    pthread_mutex_unlock(&g->mu);
}

static void gate_give(struct gate *g)
{
    pthread_mutex_lock(&g->mu);
    g->free_slots++;
    pthread_cond_signal(&g->cv);
    pthread_mutex_unlock(&g->mu);
}

static void conn_send(struct conn *c, const char *msg)
{
    gate_take(&c->send_gate);
    c->sent++;
    (void)msg;
    gate_give(&c->send_gate);
}

static void log_line(const char *msg)
{
    struct conn *c = pthread_getspecific(conn_key);
    pthread_mutex_lock(&log_lock);
    log_lines++;
    if (c != NULL)
        conn_send(c, msg); // expect-none
    pthread_mutex_unlock(&log_lock);
}

static void *worker(void *arg)
{
    struct conn *c = calloc(1, sizeof *c);
    (void)arg;
    if (c == NULL)
        return NULL;
    pthread_mutex_init(&c->send_gate.mu, NULL);
    pthread_cond_init(&c->send_gate.cv, NULL);
    c->send_gate.free_slots = 1;
    pthread_setspecific(conn_key, c);
    log_line("started");
    log_line("done");
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_key_create(&conn_key, NULL);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
