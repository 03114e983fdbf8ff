/* Pattern: library copies of a shared buffer, each under its lock.
 * Verdict: race-free. Producers memcpy into the shared ring slot and
 * consumers memcpy out of it and compare it with memcmp, always holding
 * ring_lock; main prints the counter by value after joining everyone.
 */
// class: library-accesses
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct ring { char slot[8][32]; int head; long copied; };
static struct ring ring;
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;

static void *producer(void *arg)
{
    const char *msg = arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&ring_lock);
        memcpy(ring.slot[ring.head % 8], msg, strlen(msg) + 1);
        ring.head++;
        pthread_mutex_unlock(&ring_lock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    char copy[32];
    (void)arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&ring_lock);
        memcpy(copy, ring.slot[i % 8], sizeof copy);
        if (memcmp(copy, ring.slot[0], sizeof copy) != 0)
            ring.copied++;
        pthread_mutex_unlock(&ring_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t p[2], c;
    pthread_create(&p[0], NULL, producer, "alpha");
    pthread_create(&p[1], NULL, producer, "beta");
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p[0], NULL);
    pthread_join(p[1], NULL);
    pthread_join(c, NULL);
    printf("%ld %s\n", ring.copied, ring.slot[0]);
    return 0;
}
