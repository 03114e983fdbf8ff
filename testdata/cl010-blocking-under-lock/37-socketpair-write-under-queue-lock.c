/* CL010 positive (a job queue that wakes its worker through a socket
 * pair): the producer writes the wake-up byte while it holds the queue
 * lock; when the worker is slow the socket buffer fills and the write
 * blocks with the lock held, and the worker needs that lock to drain.
 */
// class: pipe-io-under-lock
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static int wake[2];
static int queued;

static void enqueue(void)
{
    pthread_mutex_lock(&q_lock);
    queued++;
    write(wake[1], "x", 1); // expect: CL010 {{'write' can block}}
    pthread_mutex_unlock(&q_lock);
}

static void *worker(void *arg)
{
    char b;
    for (int i = 0; i < 100; i++) {
        if (read(wake[0], &b, 1) != 1)
            break;
        pthread_mutex_lock(&q_lock);
        queued--;
        pthread_mutex_unlock(&q_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, wake) != 0)
        return 1;
    pthread_create(&t, NULL, worker, NULL);
    for (int i = 0; i < 100; i++)
        enqueue();
    pthread_join(t, NULL);
    return 0;
}
