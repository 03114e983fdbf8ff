/* CL009 negative: the wait is under `if` but the branch goes back to the
 * loop's test with `continue` (libuv-style worker loop). */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct job { struct job *next; };

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static struct job *jobs;
static int quit;

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&m);
        if (jobs == NULL && !quit) {
            pthread_cond_wait(&cv, &m);
            pthread_mutex_unlock(&m);
            continue;
        }
        if (jobs == NULL) {
            pthread_mutex_unlock(&m);
            break;
        }
        struct job *j = jobs;
        jobs = j->next;
        pthread_mutex_unlock(&m);
        free(j);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_mutex_lock(&m);
    quit = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
