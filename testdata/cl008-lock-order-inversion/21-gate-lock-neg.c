/* CL008 negative: both nestings happen only under the big gate lock
 * (a "lock order does not matter under the global lock" design). */
// expect-none
#include <pthread.h>

static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t a_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b_lock = PTHREAD_MUTEX_INITIALIZER;
static int a, b;

static void *ab(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&gate);
    pthread_mutex_lock(&a_lock);
    pthread_mutex_lock(&b_lock);
    a++, b++;
    pthread_mutex_unlock(&b_lock);
    pthread_mutex_unlock(&a_lock);
    pthread_mutex_unlock(&gate);
    return NULL;
}

static void *ba(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&gate);
    pthread_mutex_lock(&b_lock);
    pthread_mutex_lock(&a_lock);
    a--, b--;
    pthread_mutex_unlock(&a_lock);
    pthread_mutex_unlock(&b_lock);
    pthread_mutex_unlock(&gate);
    return NULL;
}

int main(void)
{
    pthread_t x, y;
    pthread_create(&x, NULL, ab, NULL);
    pthread_create(&y, NULL, ba, NULL);
    pthread_join(x, NULL);
    pthread_join(y, NULL);
    return 0;
}
