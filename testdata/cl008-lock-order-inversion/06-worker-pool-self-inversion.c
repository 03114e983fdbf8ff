/* CL008 positive: one start routine run by a pool of workers takes the
 * two queue locks in an order that depends on the job: instances of the
 * same thread deadlock each other. */
#include <pthread.h>

static pthread_mutex_t in_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static int in_len, out_len;

static void move_in_to_out(void)
{
    pthread_mutex_lock(&in_lock);
    pthread_mutex_lock(&out_lock); // expect: CL008
    in_len--;
    out_len++;
    pthread_mutex_unlock(&out_lock);
    pthread_mutex_unlock(&in_lock);
}

static void requeue(void)
{
    pthread_mutex_lock(&out_lock);
    pthread_mutex_lock(&in_lock); // expect: CL008
    out_len--;
    in_len++;
    pthread_mutex_unlock(&in_lock);
    pthread_mutex_unlock(&out_lock);
}

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < 100; i++) {
        move_in_to_out();
        if (id == 0)
            requeue();
    }
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
