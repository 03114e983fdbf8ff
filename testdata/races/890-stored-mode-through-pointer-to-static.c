/* Pattern: main stores a mode through a const pointer to a static struct,
 * and a worker given that pointer switches the mode; main tests it after
 * a handshake.
 * Verdict: racy: main can find the worker's mode and write shared beside
 * it. An object reached through a pointer is not private, whatever the
 * pointer's own linkage.
 */
// class: stored-mode
#include <pthread.h>
#include <stdlib.h>
enum { M_IDLE, M_RUN };
struct cfg { int mode; };
static struct cfg real;
static struct cfg *const pcfg = &real;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;
static long shared;

static void *worker(void *arg)
{
    struct cfg *c = arg;
    pthread_mutex_lock(&m);
    c->mode = M_RUN;
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    shared = 2; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t tid;
    pcfg->mode = M_IDLE;
    pthread_create(&tid, NULL, worker, pcfg);
    pthread_mutex_lock(&m);
    while (!ready)
        pthread_cond_wait(&cv, &m);
    pthread_mutex_unlock(&m);
    if (pcfg->mode == M_RUN)
        shared = 1;
    pthread_join(tid, NULL);
    return 0;
}
