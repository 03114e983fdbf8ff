/* CL001 negative: serve() both creates threads and runs an endless accept()
 * loop, but the threads are a fixed pool of POOL_SIZE made by a
 * constant-bounded loop before the accept loop starts; the accept loop only
 * pushes descriptors onto a bounded queue that the pool drains.
 * From shared case 32 (false-positive trap).
 */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#define POOL_SIZE 8
#define QUEUE_CAP 256

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_nonempty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_nonfull = PTHREAD_COND_INITIALIZER;
static int q_fds[QUEUE_CAP];            /* guarded by q_lock */
static unsigned q_head, q_count;        /* guarded by q_lock */

static void queue_push(int fd)
{
    pthread_mutex_lock(&q_lock);
    while (q_count == QUEUE_CAP)
        pthread_cond_wait(&q_nonfull, &q_lock);
    q_fds[(q_head + q_count) % QUEUE_CAP] = fd;
    q_count++;
    pthread_cond_signal(&q_nonempty);
    pthread_mutex_unlock(&q_lock);
}

static int queue_pop(void)
{
    pthread_mutex_lock(&q_lock);
    while (q_count == 0)
        pthread_cond_wait(&q_nonempty, &q_lock);
    int fd = q_fds[q_head];
    q_head = (q_head + 1) % QUEUE_CAP;
    q_count--;
    pthread_cond_signal(&q_nonfull);
    pthread_mutex_unlock(&q_lock);
    return fd;
}

static void *pool_worker(void *arg)
{
    char buf[1024];
    (void)arg;
    for (;;) {
        int fd = queue_pop();
        ssize_t n;
        while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
            send(fd, buf, (size_t)n, 0);
        close(fd);
    }
    return NULL;
}

int serve(int listen_fd)
{
    pthread_t pool[POOL_SIZE];
    for (int i = 0; i < POOL_SIZE; i++)
        if (pthread_create(&pool[i], NULL, pool_worker, NULL) != 0) // expect: CL011 {{after a later start failed}} (CL001: none)
            return -1;
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd >= 0)
            queue_push(fd);
    }
}
