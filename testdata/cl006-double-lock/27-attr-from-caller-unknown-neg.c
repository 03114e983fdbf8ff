/* CL006 negative: the mutex is initialized with an attribute object the
 * caller passes in; its type is unknown here (it may be recursive), so
 * taking the lock again is not reported.
 */
// expect-none
#include <pthread.h>

struct log { pthread_mutex_t m; int lines; };
static struct log lg;

void log_init(struct log *l, const pthread_mutexattr_t *attr);
void log_init(struct log *l, const pthread_mutexattr_t *attr)
{
    pthread_mutex_init(&l->m, attr);
}

static void log_line(struct log *l)
{
    pthread_mutex_lock(&l->m);
    l->lines++;
    pthread_mutex_unlock(&l->m);
}

static void *writer(void *arg)
{
    pthread_mutex_lock(&lg.m);
    log_line(&lg);
    pthread_mutex_unlock(&lg.m);
    return arg;
}

int main(void)
{
    pthread_t t;
    log_init(&lg, NULL);
    pthread_create(&t, NULL, writer, NULL);
    pthread_join(t, NULL);
    return 0;
}
