/* CL010 positive: reconnecting holds the link lock across connect(), and
 * a rate limiter waits on its semaphore while holding the stats lock. */
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t link_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static sem_t tokens;
static int link_fd = -1;
static long sent;

static void *reconnector(void *arg)
{
    const struct sockaddr_in *addr = arg;
    pthread_mutex_lock(&link_lock);
    if (link_fd < 0) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd >= 0 && connect(fd, (const struct sockaddr *)addr, sizeof *addr) == 0) // expect: CL010
            link_fd = fd;
    }
    pthread_mutex_unlock(&link_lock);
    return NULL;
}

static void *limiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&stats_lock);
    sem_wait(&tokens); // expect: CL010
    sent++;
    pthread_mutex_unlock(&stats_lock);
    return NULL;
}

int main(void)
{
    static struct sockaddr_in a;
    pthread_t t1, t2;
    sem_init(&tokens, 0, 4);
    pthread_create(&t1, NULL, reconnector, &a);
    pthread_create(&t2, NULL, limiter, NULL);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    return 0;
}
