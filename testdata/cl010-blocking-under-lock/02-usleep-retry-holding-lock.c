/* CL010 positive (and CL003: the loop polls a flag main writes): a device
 * poller retries with usleep() while it still holds the device lock, so
 * every reader of the device state waits too. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t dev_lock = PTHREAD_MUTEX_INITIALIZER;
static int dev_ready, dev_value;

static int read_device(void)
{
    int v = -1;
    pthread_mutex_lock(&dev_lock);
    for (int tries = 0; tries < 50 && !dev_ready; tries++)
        usleep(20000); // expect: CL010 CL003
    if (dev_ready)
        v = dev_value;
    pthread_mutex_unlock(&dev_lock);
    return v;
}

static void *poller(void *arg)
{
    (void)arg;
    return (void *)(long)read_device();
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, poller, NULL);
    pthread_mutex_lock(&dev_lock);
    dev_value = 7;
    dev_ready = 1;
    pthread_mutex_unlock(&dev_lock);
    pthread_join(t, NULL);
    return 0;
}
