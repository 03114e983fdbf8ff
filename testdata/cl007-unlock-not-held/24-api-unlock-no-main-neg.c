/* CL007 negative: a library's public unlock function (no main): its
 * callers are the library's users, who hold the lock by contract.
 */
// expect-none
#include <pthread.h>

struct table { pthread_mutex_t m; int rows; };

void table_lock(struct table *t);
void table_unlock(struct table *t);
void table_end_update(struct table *t);

void table_lock(struct table *t)
{
    pthread_mutex_lock(&t->m);
}

void table_unlock(struct table *t)
{
    pthread_mutex_unlock(&t->m);
}

void table_end_update(struct table *t)
{
    t->rows++;
    pthread_mutex_unlock(&t->m);
}
