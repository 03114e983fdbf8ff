/* Pattern: an acceptor pool whose acceptors reuse the `ready` flag of the
 * start handshake: each sets it after copying its settings and again
 * after every connection it served. main clears the flag before each
 * start and waits for it.
 * Verdict: racy. An acceptor started earlier can set `ready` again after
 * main cleared it, so main's wait can end before the acceptor it just
 * started has copied the settings that main then overwrites.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

#define NACCEPT 4

struct acceptor_cfg {
    int port;
    int backlog;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void mark_ready(void)
{
    pthread_mutex_lock(&mu);
    ready = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
}

static void *acceptor_main(void *arg)
{
    struct acceptor_cfg mine = *(struct acceptor_cfg *)arg;
    mark_ready();
    for (int n = 0; n < 16; n++) {
        printf("served on %d (%d)\n", mine.port, mine.backlog);
        mark_ready();
    }
    return NULL;
}

int main(void)
{
    pthread_t tids[NACCEPT];
    struct acceptor_cfg cfg;
    for (int i = 0; i < NACCEPT; i++) {
        cfg.port = 8000 + i; // expect: CL002
        cfg.backlog = 128;
        pthread_mutex_lock(&mu);
        ready = 0;
        pthread_mutex_unlock(&mu);
        if (pthread_create(&tids[i], NULL, acceptor_main, &cfg) != 0)
            return 1;
        pthread_mutex_lock(&mu);
        while (!ready)
            pthread_cond_wait(&cv, &mu);
        pthread_mutex_unlock(&mu);
    }
    for (int i = 0; i < NACCEPT; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
