/* Oracle self-test: the directive asks for a CL002 finding on a line that is
 * correct (the counter is locked), so --verify must report it as missing. */
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *worker(void *arg)
{
    pthread_mutex_lock(&lock);
    counter++; // expect: CL002
    pthread_mutex_unlock(&lock);
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
