/* Pattern: a helper starts one worker with a loop of one round; main calls
 * the helper in a loop of two rounds and joins the workers at the end.
 * Verdict: racy. The helper runs twice: two workers update the counter at
 * once.
 */
// class: spawn-count
#include <pthread.h>

static long hits;
static pthread_t pool[2];

static void *worker(void *arg)
{
    hits++; // expect: CL002
    return arg;
}

static void start_one(int slot)
{
    for (int k = 0; k < 1; k++)
        pthread_create(&pool[slot], NULL, worker, NULL);
}

int main(void)
{
    for (int i = 0; i < 2; i++)
        start_one(i);
    for (int i = 0; i < 2; i++)
        pthread_join(pool[i], NULL);
    return (int)hits;
}
