/* Pattern: the threads are created and joined inside a helper that main
 * calls; main touches the results only after the helper returns.
 * Verdict: race-free. run_pass() starts and joins its workers (handles in
 * a local array of a heap-allocated context); main's accesses come before
 * and after the call.
 */
// class: join-coverage
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NW 3
static long pass_total;
static int pass_no;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

struct pass {
    pthread_t tids[NW];
};

static void *pass_worker(void *arg)
{
    pthread_mutex_lock(&total_lock);
    pass_total += pass_no + (long)arg;
    pthread_mutex_unlock(&total_lock);
    return NULL;
}

static int run_pass(void)
{
    struct pass *p = malloc(sizeof *p);
    if (p == NULL)
        return -1;
    for (long i = 0; i < NW; i++)
        pthread_create(&p->tids[i], NULL, pass_worker, (void *)i);
    for (int i = 0; i < NW; i++)
        pthread_join(p->tids[i], NULL);
    free(p);
    return 0;
}

int main(void)
{
    for (int k = 0; k < 3; k++) {
        pass_no = k;
        pass_total = 0;
        if (run_pass() != 0)
            return 1;
        printf("pass %d: %ld\n", pass_no, pass_total);
    }
    return 0;
}
