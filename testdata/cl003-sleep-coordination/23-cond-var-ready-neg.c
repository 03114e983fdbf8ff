/* CL003 negative: the correct version of the poll loop. main waits for the
 * listener to be ready on a condition variable with a predicate loop; no
 * sleep anywhere.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t ready_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready_cv = PTHREAD_COND_INITIALIZER;
static int ready_state;                  /* guarded by ready_lock: 1 ok, -1 failed */

int open_listener(unsigned short port);  /* net.c */

static void *listener_main(void *arg)
{
    int fd = open_listener(*(const unsigned short *)arg);
    pthread_mutex_lock(&ready_lock);
    ready_state = fd >= 0 ? 1 : -1;
    pthread_cond_signal(&ready_cv);
    pthread_mutex_unlock(&ready_lock);
    while (fd >= 0) {
        int c = accept(fd, NULL, NULL);
        if (c >= 0)
            close(c);
    }
    return NULL;
}

int start_listener(const unsigned short *port, pthread_t *tid)
{
    if (pthread_create(tid, NULL, listener_main, (void *)port) != 0)
        return -1;
    pthread_mutex_lock(&ready_lock);
    while (ready_state == 0)
        pthread_cond_wait(&ready_cv, &ready_lock);
    int st = ready_state;
    pthread_mutex_unlock(&ready_lock);
    return st == 1 ? 0 : -1;
}
