/* Pattern: the acceptor pool of 742 with the `started` flag cleared once,
 * before the loop, instead of before each start.
 * Verdict: racy. After the first acceptor set the flag, main's later
 * waits end at once, and main overwrites the settings while the acceptor
 * it just started may still be copying them.
 */
// class: condvar-handshake
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
    pthread_mutex_lock(&start_mu);
    started = 0;
    pthread_mutex_unlock(&start_mu);
    for (int i = 0; i < NACCEPT; i++) {
        cfg.port = 8000 + i; // expect: CL002
        cfg.backlog = 128;
        snprintf(cfg.name, sizeof cfg.name, "acc%d", i);
        if (pthread_create(&tids[i], NULL, acceptor_main, &cfg) != 0)
            return 1;
        await_started();
    }
    for (int i = 0; i < NACCEPT; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
