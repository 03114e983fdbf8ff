/* CL007 positive: a cleanup ladder with one label. The length check jumps
 * to `out` before the lock is taken, and `out` unlocks.
 */
#include <pthread.h>
#include <string.h>

struct inbox { pthread_mutex_t lock; char msgs[16][64]; int n; };
static struct inbox box = { .lock = PTHREAD_MUTEX_INITIALIZER };

static int inbox_put(struct inbox *b, const char *msg)
{
    int rc = -1;
    if (strlen(msg) >= 64)
        goto out;
    pthread_mutex_lock(&b->lock);
    if (b->n == 16)
        goto out;
    strcpy(b->msgs[b->n++], msg);
    rc = 0;
out:
    pthread_mutex_unlock(&b->lock); // expect: CL007 {{'b->lock' is unlocked on a path where this thread does not hold it}}
    return rc;
}

static void *sender(void *arg)
{
    for (int i = 0; i < 20; i++)
        inbox_put(&box, arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, sender, "ping");
    pthread_join(t, NULL);
    return 0;
}
