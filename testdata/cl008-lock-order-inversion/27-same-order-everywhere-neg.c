/* CL008 negative: many threads and helpers nest the same two locks, always
 * in the same order (server_lock, then client->lock), including through a
 * callee that takes the inner one. */
// expect-none
#include <pthread.h>

struct client { pthread_mutex_t lock; int msgs; };

static pthread_mutex_t server_lock = PTHREAD_MUTEX_INITIALIZER;
static struct client clients[4] = {
    { PTHREAD_MUTEX_INITIALIZER, 0 }, { PTHREAD_MUTEX_INITIALIZER, 0 },
    { PTHREAD_MUTEX_INITIALIZER, 0 }, { PTHREAD_MUTEX_INITIALIZER, 0 },
};

static void client_push(struct client *c)
{
    pthread_mutex_lock(&c->lock);
    c->msgs++;
    pthread_mutex_unlock(&c->lock);
}

static void *broadcaster(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&server_lock);
    for (int i = 0; i < 4; i++)
        client_push(&clients[i]);
    pthread_mutex_unlock(&server_lock);
    return NULL;
}

static void *direct(void *arg)
{
    struct client *c = arg;
    pthread_mutex_lock(&server_lock);
    pthread_mutex_lock(&c->lock);
    c->msgs = 0;
    pthread_mutex_unlock(&c->lock);
    pthread_mutex_unlock(&server_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, broadcaster, NULL);
    pthread_create(&b, NULL, direct, &clients[1]);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
