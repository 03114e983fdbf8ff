/* Pattern: main starts the workers, updates the shared progress counter
 * itself and then ends with pthread_exit instead of joining (the process
 * lives on until the workers finish).
 * Verdict: racy: main's write overlaps the workers' unlocked updates.
 */
#include <pthread.h>
#include <stdio.h>

// class: pthread-exit

static int progress;

static void *work(void *arg)
{
    for (int i = 0; i < 10; i++)
        progress++; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, work, NULL);
    pthread_detach(t);
    progress = 0;
    pthread_exit(NULL);
}
