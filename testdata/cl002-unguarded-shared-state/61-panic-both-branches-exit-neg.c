/* Pattern: a panic helper whose if/else ends the process either way
 * (_exit() when configured to, abort() otherwise), reached from two kinds
 * of threads; before dying it writes a panic counter and reads the queue
 * length without the queue lock.
 * Verdict: race-free as far as CL002 reports: the helper never returns,
 * so its accesses belong to a dying process and are not reported.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static int q_len, exit_on_panic, panics;

static void panic_now(const char *msg)
{
    panics++;
    fprintf(stderr, "panic: %s (queue %d)\n", msg, q_len);
    if (exit_on_panic)
        _exit(1);
    else
        abort();
}

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        if (i > 1000)
            panic_now("too many items"); // expect-none
        pthread_mutex_lock(&q_lock);
        q_len++;
        pthread_mutex_unlock(&q_lock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        if (i < 0)
            panic_now("negative round");
        pthread_mutex_lock(&q_lock);
        if (q_len > 0)
            q_len--;
        pthread_mutex_unlock(&q_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t p, c;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return panics;
}
