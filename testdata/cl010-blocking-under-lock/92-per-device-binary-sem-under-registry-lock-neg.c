/* CL010 negative: each device has a binary semaphore (sem_init to 1) that
 * serializes its I/O; the flusher takes a device's semaphore while it
 * holds the registry lock, and the I/O threads take it around each
 * request. It is a lock in every thread (wait, then post), so holding the
 * registry lock while taking it is lock order, not blocking. */
#include <pthread.h>
#include <semaphore.h>

struct device {
    sem_t busy;
    long queued;
    long flushed;
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct device disk;

static void *flusher(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&registry_lock);
    sem_wait(&disk.busy); // expect-none
    disk.flushed = disk.queued;
    sem_post(&disk.busy);
    pthread_mutex_unlock(&registry_lock);
    return NULL;
}

static void *io_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 16; i++) {
        sem_wait(&disk.busy);
        disk.queued++;
        sem_post(&disk.busy);
    }
    return NULL;
}

int main(void)
{
    pthread_t f, w;
    sem_init(&disk.busy, 0, 1);
    pthread_create(&w, NULL, io_worker, NULL);
    pthread_create(&f, NULL, flusher, NULL);
    pthread_join(w, NULL);
    pthread_join(f, NULL);
    return 0;
}
