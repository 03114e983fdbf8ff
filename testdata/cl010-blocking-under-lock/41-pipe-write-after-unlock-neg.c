/* CL010 negative (a notifier done right): the producer updates the queue
 * under the lock and writes the wake-up byte to the pipe after unlocking.
 */
// class: pipe-io-under-lock
// expect-none
#include <pthread.h>
#include <unistd.h>

struct notifier {
    pthread_mutex_t lock;
    int pfd[2];
    int pending;
};

static struct notifier nt = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void notify(struct notifier *n)
{
    pthread_mutex_lock(&n->lock);
    n->pending++;
    pthread_mutex_unlock(&n->lock);
    write(n->pfd[1], "n", 1);
}

static void *consumer(void *arg)
{
    struct notifier *n = arg;
    char c;
    if (read(n->pfd[0], &c, 1) == 1) {
        pthread_mutex_lock(&n->lock);
        n->pending--;
        pthread_mutex_unlock(&n->lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pipe(nt.pfd) != 0)
        return 1;
    pthread_create(&t, NULL, consumer, &nt);
    notify(&nt);
    pthread_join(t, NULL);
    return 0;
}
