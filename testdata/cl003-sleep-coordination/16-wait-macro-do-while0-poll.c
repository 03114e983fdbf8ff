/* CL003 positive, the poll loop inside a do { } while (0) macro: the
 * service's WAIT_UNTIL() macro spins on a flag with usleep(), the shape of
 * the start-up helpers in small daemons ("wait until the listener is up").
 * The do-while(0) around the macro body runs once; the loop inside it is
 * the poll loop, and the flag is written by the listener thread.
 */
#include <pthread.h>
#include <unistd.h>

#define WAIT_UNTIL(cond, us)                                                   \
    do {                                                                       \
        while (!(cond))                                                        \
            usleep(us);                                                        \
    } while (0)

static pthread_mutex_t up_lock = PTHREAD_MUTEX_INITIALIZER;
static int listener_up;                  /* guarded by up_lock */

int open_listener(int port);             /* net.c */
void accept_loop(int fd);                /* net.c */

static int is_up(void)
{
    pthread_mutex_lock(&up_lock);
    int up = listener_up;
    pthread_mutex_unlock(&up_lock);
    return up;
}

static void *listener_main(void *arg)
{
    int fd = open_listener(*(const int *)arg);
    pthread_mutex_lock(&up_lock);
    listener_up = 1;
    pthread_mutex_unlock(&up_lock);
    accept_loop(fd);
    return NULL;
}

int main(void)
{
    static const int port = 8080;
    pthread_t tid;
    if (pthread_create(&tid, NULL, listener_main, (void *)&port) != 0)
        return 1;
    WAIT_UNTIL(is_up(), 1000); // expect: CL003
    return pthread_join(tid, NULL);
}
