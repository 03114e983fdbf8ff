/* CL005 negative: the correct cleanup ladder. Every error after the lock
 * jumps to `out_unlock`, above the label for errors before the lock.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct cache { pthread_mutex_t lock; char *slots[32]; int n; };
static struct cache cache = { .lock = PTHREAD_MUTEX_INITIALIZER };

int cache_store(struct cache *c, const char *val)
{
    int rc = -1;
    char *copy = strdup(val);
    if (copy == NULL)
        goto out;
    pthread_mutex_lock(&c->lock);
    if (c->n == 32)
        goto out_unlock;
    if (strlen(copy) > 128)
        goto out_unlock;
    c->slots[c->n++] = copy;
    copy = NULL;
    rc = 0;
out_unlock:
    pthread_mutex_unlock(&c->lock);
out:
    free(copy);
    return rc;
}

static void *writer(void *arg)
{
    for (int i = 0; i < 64; i++)
        cache_store(&cache, arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, writer, "x");
    pthread_create(&b, NULL, writer, "y");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
