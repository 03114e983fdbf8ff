/* Pattern: per-connection setup threads; the creator waits for each
 * connection's `ready` flag under the connection's lock. But the creator
 * itself sets `ready = 1` right after each spawn (meant as "spawned"), so
 * its own store satisfies the wait.
 * Verdict: racy. The wait loop can end on the creator's store before the
 * setup thread wrote the connection's buffer size, which main then reads.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

struct conn {
    pthread_mutex_t lk;
    pthread_cond_t cv;
    int ready;
    int bufsize;
};

static struct conn conns[4];

static void *setup(void *arg)
{
    struct conn *c = arg;
    c->bufsize = 4096; // expect: CL002
    pthread_mutex_lock(&c->lk);
    c->ready = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->lk);
    return NULL;
}

int main(void)
{
    pthread_t t;
    for (int i = 0; i < 4; i++) {
        pthread_mutex_init(&conns[i].lk, NULL);
        pthread_cond_init(&conns[i].cv, NULL);
        pthread_create(&t, NULL, setup, &conns[i]);
        pthread_detach(t);
        pthread_mutex_lock(&conns[i].lk);
        conns[i].ready = 1;
        pthread_mutex_unlock(&conns[i].lk);
    }
    for (int i = 0; i < 4; i++) {
        pthread_mutex_lock(&conns[i].lk);
        while (!conns[i].ready)
            pthread_cond_wait(&conns[i].cv, &conns[i].lk);
        pthread_mutex_unlock(&conns[i].lk);
    }
    int total = 0;
    for (int i = 0; i < 4; i++)
        total += conns[i].bufsize;
    printf("%d\n", total);
    return 0;
}
