/* Pattern: an acceptor pool. main fills one stack struct with each
 * acceptor's settings, clears a `started` flag, starts the acceptor and
 * waits (through a helper) until the acceptor has copied its settings
 * before it reuses the struct for the next one.
 * Verdict: race-free. Each acceptor sets `started` once, under the lock,
 * after its copy; main clears it before every start, so its k-th wait can
 * only end on the k-th acceptor's store, and the next overwrite of the
 * settings follows that acceptor's copy.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NACCEPT 4

struct acceptor_cfg {
    int port;
    int backlog;
    char name[16];
};

static pthread_mutex_t start_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t start_cv = PTHREAD_COND_INITIALIZER;
static int started;

static void await_started(void)
{
    pthread_mutex_lock(&start_mu);
    while (!started)
        pthread_cond_wait(&start_cv, &start_mu);
    pthread_mutex_unlock(&start_mu);
}

static void *acceptor_main(void *arg)
{
    struct acceptor_cfg mine = *(struct acceptor_cfg *)arg;
    pthread_mutex_lock(&start_mu);
    started = 1;
    pthread_cond_signal(&start_cv);
    pthread_mutex_unlock(&start_mu);
    printf("%s listening on %d (%d)\n", mine.name, mine.port, mine.backlog);
    return NULL;
}

int main(void)
{
    pthread_t tids[NACCEPT];
    struct acceptor_cfg cfg;
    for (int i = 0; i < NACCEPT; i++) {
        cfg.port = 8000 + i;
        cfg.backlog = 128;
        snprintf(cfg.name, sizeof cfg.name, "acc%d", i);
        pthread_mutex_lock(&start_mu);
        started = 0;
        pthread_mutex_unlock(&start_mu);
        if (pthread_create(&tids[i], NULL, acceptor_main, &cfg) != 0)
            return 1;
        await_started();
    }
    for (int i = 0; i < NACCEPT; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
