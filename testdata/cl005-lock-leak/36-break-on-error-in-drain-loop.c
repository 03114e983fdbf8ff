/* CL005 positive (a log shipper's drain loop): the queue lock is taken per
 * record; a write error breaks out of the loop between the lock and the
 * unlock, and the function goes on to its cleanup, which frees the buffer
 * but never unlocks.
 */
// class: jump-past-unlock
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct shipper {
    pthread_mutex_t qlock;
    int pending;
    int fd;
};

static struct shipper sh = { PTHREAD_MUTEX_INITIALIZER, 0, 1 };

static int drain(struct shipper *s)
{
    char *buf = malloc(512);
    int rc = 0;
    if (buf == NULL)
        return -1;
    while (1) {
        pthread_mutex_lock(&s->qlock); // expect-related: CL005 {{locked here}}
        if (s->pending == 0) {
            pthread_mutex_unlock(&s->qlock);
            break;
        }
        s->pending--;
        if (write(s->fd, buf, 512) < 0) {
            rc = -1;
            break;
        }
        pthread_mutex_unlock(&s->qlock);
    }
    free(buf);
    return rc; // expect: CL005 {{'drain' returns with 's->qlock' still locked}}
}

static void *shipper_main(void *arg)
{
    drain(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, shipper_main, &sh);
    pthread_mutex_lock(&sh.qlock);
    sh.pending++;
    pthread_mutex_unlock(&sh.qlock);
    pthread_join(t, NULL);
    return 0;
}
