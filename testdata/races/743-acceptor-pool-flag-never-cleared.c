/* Pattern: the acceptor pool of 742 without the reset of `started`
 * before each start: once the first acceptor has set it, main's later
 * waits end at once.
 * Verdict: racy. main overwrites the settings for the next acceptor while
 * the acceptor started before may still be copying them.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

#define NACCEPT 4

struct acceptor_cfg {
    int port;
    int backlog;
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
    printf("listening on %d (%d)\n", mine.port, mine.backlog);
    return NULL;
}

int main(void)
{
    pthread_t tids[NACCEPT];
    struct acceptor_cfg cfg;
    for (int i = 0; i < NACCEPT; i++) {
        cfg.port = 8000 + i; // expect: CL002
        cfg.backlog = 128;
        if (pthread_create(&tids[i], NULL, acceptor_main, &cfg) != 0)
            return 1;
        await_started();
    }
    for (int i = 0; i < NACCEPT; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
