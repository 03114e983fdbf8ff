/* CL005 negative: a library's public locking API (no main: the callers
 * are the library's users). obj_lock() returns with the object locked by
 * design; obj_unlock() releases it.
 */
// expect-none
#include <pthread.h>

struct obj { pthread_mutex_t m; int refs; };

void obj_lock(struct obj *o);
void obj_unlock(struct obj *o);
int obj_ref(struct obj *o);

void obj_lock(struct obj *o)
{
    pthread_mutex_lock(&o->m);
}

void obj_unlock(struct obj *o)
{
    pthread_mutex_unlock(&o->m);
}

int obj_ref(struct obj *o)
{
    obj_lock(o);
    int r = ++o->refs;
    obj_unlock(o);
    return r;
}
