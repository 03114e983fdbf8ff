/* CL001 positive: the admission test reads `active` under the lock, but
 * after the spawn the acceptor resets the counter (`active = 0`, meant for
 * a statistics window) instead of counting the new thread. The test then
 * never fails for long, and every accepted connection starts a thread.
 */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_ACTIVE 64

static pthread_mutex_t active_lock = PTHREAD_MUTEX_INITIALIZER;
static int active;

static void *serve(void *arg)
{
    close((int)(long)arg);
    return NULL;
}

void acceptor(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        pthread_mutex_lock(&active_lock);
        if (active >= MAX_ACTIVE) {
            pthread_mutex_unlock(&active_lock);
            close(fd);
            continue;
        }
        pthread_mutex_unlock(&active_lock);
        pthread_t t;
        pthread_create(&t, NULL, serve, (void *)(long)fd); // expect: CL001
        pthread_detach(t);
        active = 0;
    }
}
