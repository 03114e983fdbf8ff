/* CL001 negative: the wrapper of 50 used by a pool started with a
 * counting loop at start-up and by an accept loop that takes a slot from
 * a counting semaphore before each spawn (the session gives it back).
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <sys/socket.h>
#include <unistd.h>

#define POOL 4

static sem_t slots;

static int spawn_detached(void *(*routine)(void *), void *arg)
{
    pthread_t t;
    int rc = pthread_create(&t, NULL, routine, arg);
    if (rc == 0)
        pthread_detach(t);
    return rc;
}

static void *pool_main(void *arg)
{
    (void)arg;
    return NULL;
}

static void *session_main(void *arg)
{
    close((int)(long)arg);
    sem_post(&slots);
    return NULL;
}

void start_pool(void)
{
    for (int i = 0; i < POOL; i++)
        spawn_detached(pool_main, NULL);
}

void serve(int lfd)
{
    sem_init(&slots, 0, 64);
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        sem_wait(&slots);
        if (spawn_detached(session_main, (void *)(long)fd) != 0) {
            sem_post(&slots);
            close(fd);
        }
    }
}
