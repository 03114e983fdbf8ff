/* CL010 negative: the retry loop releases the lock before it sleeps and
 * joins the helper thread after unlocking. */
// expect-none
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static int attempts;

static void *helper(void *arg)
{
    (void)arg;
    return NULL;
}

static void *retrier(void *arg)
{
    (void)arg;
    for (int i = 0; i < 5; i++) {
        pthread_mutex_lock(&state_lock);
        attempts++;
        pthread_mutex_unlock(&state_lock);
        usleep(1000u << i);
    }
    return NULL;
}

int main(void)
{
    pthread_t t, h;
    pthread_create(&t, NULL, retrier, NULL);
    pthread_create(&h, NULL, helper, NULL);
    pthread_mutex_lock(&state_lock);
    int a = attempts;
    pthread_mutex_unlock(&state_lock);
    pthread_join(h, NULL);
    pthread_join(t, NULL);
    return a;
}
