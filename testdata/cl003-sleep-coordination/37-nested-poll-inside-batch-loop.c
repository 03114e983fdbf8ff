/* CL003 positive: a poll nested in a work loop. The importer submits one
 * batch per outer iteration (work) and then, in an inner loop, sleeps until
 * the worker marks that batch done. The outer loop is periodic work; the
 * inner loop only reads `done[i]`, which the worker thread writes, and
 * sleeps: it is the poll, reported at its sleep.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#define NBATCH 8

static atomic_int done[NBATCH];
static int queued[NBATCH];

void submit_batch(int i);                /* db.c */
int run_batch(int i);                    /* db.c */

static void *import_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < NBATCH; i++) {
        run_batch(i);
        atomic_store(&done[i], 1);
    }
    return NULL;
}

int import_all(void)
{
    pthread_t tid;
    if (pthread_create(&tid, NULL, import_worker, NULL) != 0)
        return -1;
    for (int i = 0; i < NBATCH; i++) {
        submit_batch(i);
        queued[i] = 1;
        while (!atomic_load(&done[i]))
            usleep(200); // expect: CL003 {{polls 'done[]', which thread 'import_worker' writes}}
    }
    return pthread_join(tid, NULL);
}

int main(void)
{
    return import_all() != 0;
}
