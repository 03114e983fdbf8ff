/* CL010 negative (a metrics pusher): the collector socket is made
 * non-blocking with fcntl right after connect, in the setup function; the
 * write under the stats lock drops the sample instead of waiting when the
 * collector falls behind.
 */
// class: socket-io-under-lock
// expect-none
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int collector = -1;
static unsigned long dropped, samples;

static int collector_open(void)
{
    collector = socket(AF_UNIX, SOCK_STREAM, 0);
    if (collector < 0)
        return -1;
    int fl = fcntl(collector, F_GETFL, 0);
    return fcntl(collector, F_SETFL, fl | O_NONBLOCK);
}

static void *sampler(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&stats_lock);
        samples++;
        if (write(collector, "s\n", 2) != 2)
            dropped++;
        pthread_mutex_unlock(&stats_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    if (collector_open() != 0)
        return 1;
    pthread_create(&a, NULL, sampler, NULL);
    pthread_create(&b, NULL, sampler, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
