/* CL002 positive: a struct with two fields under two different locks.
 * conns.count is guarded by count_lock and conns.bytes by bytes_lock; the
 * reaper thread updates `bytes` while holding count_lock (the wrong lock),
 * so it shares no lock with main's correctly locked read of `bytes`. The
 * reaper's access is the one that lacks the right lock.
 */
#include <pthread.h>
#include <stdio.h>

static struct {
    pthread_mutex_t count_lock;          /* guards count */
    unsigned count;
    pthread_mutex_t bytes_lock;          /* guards bytes */
    unsigned long long bytes;
} conns = { .count_lock = PTHREAD_MUTEX_INITIALIZER,
            .bytes_lock = PTHREAD_MUTEX_INITIALIZER };

static void *reaper_main(void *arg)
{
    const unsigned long long *sizes = arg;
    for (int i = 0; i < 64; i++) {
        pthread_mutex_lock(&conns.count_lock);
        conns.count--;
        conns.bytes -= sizes[i]; // expect: CL002
        pthread_mutex_unlock(&conns.count_lock);
    }
    return NULL;
}

int main(void)
{
    static unsigned long long sizes[64];
    pthread_t reaper;
    for (int i = 0; i < 64; i++)
        sizes[i] = 512u * (unsigned)(i + 1);
    pthread_create(&reaper, NULL, reaper_main, sizes);
    for (int i = 0; i < 8; i++) {
        pthread_mutex_lock(&conns.bytes_lock);
        unsigned long long b = conns.bytes;
        pthread_mutex_unlock(&conns.bytes_lock);
        pthread_mutex_lock(&conns.count_lock);
        unsigned c = conns.count;
        pthread_mutex_unlock(&conns.count_lock);
        printf("%u conns, %llu bytes\n", c, b);
    }
    pthread_join(reaper, NULL);
    return 0;
}
