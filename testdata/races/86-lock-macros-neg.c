/* Pattern: lock/unlock behind macros taking the object.
 * Verdict: race-free. LOCK(o)/UNLOCK(o) expand to pthread_mutex_lock/unlock
 * on o->mu; every access to o->refs holds that mutex.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
#define LOCK(o) pthread_mutex_lock(&(o)->mu)
#define UNLOCK(o) pthread_mutex_unlock(&(o)->mu)

struct obj { pthread_mutex_t mu; int refs; };
static struct obj shared_obj = { PTHREAD_MUTEX_INITIALIZER, 1 };

static void *user(void *arg)
{
    struct obj *o = arg;
    for (int i = 0; i < 1000; i++) {
        LOCK(o);
        o->refs++;
        UNLOCK(o);
        LOCK(o);
        o->refs--;
        UNLOCK(o);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, user, &shared_obj);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", shared_obj.refs);
    return 0;
}
