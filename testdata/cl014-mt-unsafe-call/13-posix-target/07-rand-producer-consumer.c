/* CL014 positive: the producer picks payload sizes and the consumer its
 * back-off with rand(), whose seed is one static state POSIX does not
 * require to be guarded. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++) {
        int n = rand() % 512; // expect: CL014 {{'rand' is not thread-safe (it uses rand()'s seed)}}
        (void)n;
    }
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++)
        usleep((useconds_t)(rand() % 1000)); // expect: CL014 {{'rand_r' with a seed}}
    return NULL;
}

int main(void)
{
    pthread_t p, c;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return 0;
}
