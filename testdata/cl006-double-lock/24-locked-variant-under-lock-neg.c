/* CL006 negative: the helper is split into a public locking function and
 * a `_locked` variant; code that holds the lock calls the variant.
 */
// expect-none
#include <pthread.h>

struct client { pthread_mutex_t mutex; int connected, completed; };
static struct client cl = { PTHREAD_MUTEX_INITIALIZER, 1, 0 };

static int client_is_connected_locked(struct client *c)
{
    return c->connected;
}

int client_is_connected(struct client *c)
{
    pthread_mutex_lock(&c->mutex);
    int up = client_is_connected_locked(c);
    pthread_mutex_unlock(&c->mutex);
    return up;
}

static void *net_loop(void *arg)
{
    struct client *c = arg;
    pthread_mutex_lock(&c->mutex);
    c->completed++;
    if (client_is_connected_locked(c))
        c->completed++;
    pthread_mutex_unlock(&c->mutex);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, net_loop, &cl);
    pthread_join(t, NULL);
    return client_is_connected(&cl) ? 0 : 1;
}
