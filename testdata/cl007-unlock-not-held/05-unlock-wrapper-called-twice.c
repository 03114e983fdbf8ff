/* CL007 positive: session_close() releases the session lock through the
 * wrapper, and its caller releases it again afterwards.
 */
#include <pthread.h>

struct session { pthread_mutex_t lk; int open; };
static struct session sess = { PTHREAD_MUTEX_INITIALIZER, 1 };

static void sess_unlock(struct session *s)
{
    pthread_mutex_unlock(&s->lk);
}

static void session_close(struct session *s)
{
    pthread_mutex_lock(&s->lk);
    s->open = 0;
    sess_unlock(s);
    sess_unlock(s); // expect: CL007 {{call to 'sess_unlock'}}
}

static void *closer(void *arg)
{
    session_close(&sess);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, closer, NULL);
    pthread_join(t, NULL);
    return 0;
}
