/* Pattern: main starts four workers into a global handle array; a
 * reporter thread joins the first of them and reads the shared total.
 * Verdict: racy. Joining workers[0] does not wait for the other three,
 * which still add to the total.
 */
// class: sibling-join
#include <pthread.h>

static long total;
static pthread_t workers[4];

static void *work(void *arg)
{
    total += 10; // expect: CL002
    return arg;
}

static void *reporter(void *arg)
{
    pthread_join(workers[0], NULL);
    return (void *)total;
}

int main(void)
{
    pthread_t r;
    for (int i = 0; i < 4; i++)
        pthread_create(&workers[i], NULL, work, NULL);
    pthread_create(&r, NULL, reporter, NULL);
    pthread_join(r, NULL);
    return 0;
}
