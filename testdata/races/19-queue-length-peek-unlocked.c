/* Pattern: mutex+condvar queue with an unlocked "peek" of its length.
 * Verdict: racy. Producer and consumer maintain `count` under `lock`; the
 * stats thread reads `count` without taking the lock. The unlocked read
 * carries the expectation.
 */
#include <pthread.h>
#include <stdio.h>

#define CAP 8

static struct {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int buf[CAP];
    int count;
} q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, {0}, 0 };

static void *producer(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&q.lock);
        while (q.count == CAP)
            pthread_cond_wait(&q.changed, &q.lock);
        q.buf[q.count++] = i;
        pthread_cond_broadcast(&q.changed);
        pthread_mutex_unlock(&q.lock);
    }
    return arg;
}

static void *consumer(void *arg)
{
    long sum = 0;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&q.lock);
        while (q.count == 0)
            pthread_cond_wait(&q.changed, &q.lock);
        sum += q.buf[--q.count];
        pthread_cond_broadcast(&q.changed);
        pthread_mutex_unlock(&q.lock);
    }
    printf("%ld\n", sum);
    return arg;
}

static void *stats(void *arg)
{
    int peak = 0;
    for (int i = 0; i < 1000; i++) {
        int n = q.count; // expect: CL002
        if (n > peak)
            peak = n;
    }
    printf("peak %d\n", peak);
    return arg;
}

int main(void)
{
    pthread_t p, c, s;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&s, NULL, stats, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    pthread_join(s, NULL);
    return 0;
}
