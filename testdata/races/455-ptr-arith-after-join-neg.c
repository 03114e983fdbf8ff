/* Pattern: a worker fills a global buffer through a moving window
 * (`*(out + 1)`, `w = out + 2; w[0]`); main reads it only after joining.
 * Verdict: race-free.
 */
// expect-none
#include <pthread.h>

static char out[8];

static void *worker(void *arg)
{
    *(out + 1) = 'a';
    char *w = out + 2;
    w[0] = 'b';
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    return out[1] + out[2];
}
