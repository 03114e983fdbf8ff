/* Pattern: publication through a flag with GCC __atomic builtins.
 * Verdict: race-free. The producer thread fills `msg` and publishes with
 * __atomic_store_n(..., __ATOMIC_RELEASE); the consumer thread waits with
 * __atomic_load_n(..., __ATOMIC_ACQUIRE) before reading `msg`. The flag is
 * only ever accessed atomically and the pair orders the message.
 */
// class: release-acquire
// expect-none
#include <pthread.h>
#include <string.h>
#include <stdio.h>

static int published;
static char msg[32];

static void *producer(void *arg)
{
    strcpy(msg, "hello");
    __atomic_store_n(&published, 1, __ATOMIC_RELEASE);
    return arg;
}

static void *consumer(void *arg)
{
    while (!__atomic_load_n(&published, __ATOMIC_ACQUIRE))
        ;
    puts(msg);
    return arg;
}

int main(void)
{
    pthread_t p, c;
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return 0;
}
