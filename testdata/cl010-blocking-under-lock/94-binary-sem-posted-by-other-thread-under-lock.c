/* CL010 positive: a POSIX semaphore initialized to 1 (the first reply is
 * free) but then posted only by the reply thread: the client waits on it
 * as a signal, holding the connection mutex meanwhile. */
#include <pthread.h>
#include <semaphore.h>

static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static sem_t reply_ready;
static int replies;

static void *reply_reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 4; i++)
        sem_post(&reply_ready);
    return NULL;
}

static void *client(void *arg)
{
    (void)arg;
    for (int i = 0; i < 4; i++) {
        pthread_mutex_lock(&conn_lock);
        sem_wait(&reply_ready); // expect: CL010
        replies++;
        pthread_mutex_unlock(&conn_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&reply_ready, 0, 1);
    pthread_create(&a, NULL, client, NULL);
    pthread_create(&b, NULL, reply_reader, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
