/* Oracle self-test: the file says expect-none but the counter races (two
 * workers, no lock), so --verify must report an unexpected finding. */
// expect-none
#include <pthread.h>

static long counter;

static void *worker(void *arg)
{
    counter++;
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return (int)counter;
}
