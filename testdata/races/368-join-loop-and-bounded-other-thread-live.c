/* Pattern: the checksum tool of 364 plus a detached progress thread that
 * keeps a running total of finished jobs. The `&&`-bounded join loop
 * joins every checksum worker, but not the progress thread.
 * Verdict: racy. After the join loop main resets `finished` while the
 * progress thread may still be adding to it.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

// class: join-loop-bounds

#define MAX_WORKERS 16

static long finished;

static void *progress_main(void *arg)
{
    (void)arg;
    for (;;) {
        finished += 1; // expect: CL002 {{races with write in 'main'}}
        sleep(1);
    }
    return NULL;
}

static void *worker_main(void *arg)
{
    (void)arg;
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t tid[MAX_WORKERS], prog;
    int nworkers = argc > 1 ? atoi(argv[1]) : 4;
    int i;

    pthread_create(&prog, NULL, progress_main, NULL);
    pthread_detach(prog);
    for (i = 0; i < nworkers && i < MAX_WORKERS; i++)
        pthread_create(&tid[i], NULL, worker_main, NULL);
    for (i = 0; i < nworkers && i < MAX_WORKERS; i++)
        pthread_join(tid[i], NULL);
    finished = 0; // expect-related: CL002
    return 0;
}
