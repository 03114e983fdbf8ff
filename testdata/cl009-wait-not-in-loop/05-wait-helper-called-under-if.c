/* CL009 positive: the wait sits in a small helper; its caller guards the
 * call with `if` and then takes the response it assumes is there. */
#include <pthread.h>
#include <stddef.h>

struct rpc {
    pthread_mutex_t lock;
    pthread_cond_t done;
    const char *reply;
};

static void rpc_block(struct rpc *r)
{
    pthread_cond_wait(&r->done, &r->lock); // expect: CL009
}

static void *caller(void *arg)
{
    struct rpc *r = arg;
    pthread_mutex_lock(&r->lock);
    if (r->reply == NULL)
        rpc_block(r);
    const char *reply = r->reply;
    pthread_mutex_unlock(&r->lock);
    return (void *)reply;
}

int main(void)
{
    static struct rpc r = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL };
    pthread_t t;
    pthread_create(&t, NULL, caller, &r);
    pthread_mutex_lock(&r.lock);
    r.reply = "ok";
    pthread_cond_signal(&r.done);
    pthread_mutex_unlock(&r.lock);
    pthread_join(t, NULL);
    return 0;
}
