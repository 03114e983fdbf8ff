/* Three names for one table, set by a chained initializer (`struct table
 * *t = primary = active = &tables[0];`): the reloader thread locks the
 * table it is given (main passes `t`) and main reads it through `t`.
 * One object, one lock.
 */
// expect-none
#include <pthread.h>
#include <string.h>

struct table {
    pthread_rwlock_t lock;
    char name[32];
};

static struct table tables[2] = { { PTHREAD_RWLOCK_INITIALIZER, "" },
                                  { PTHREAD_RWLOCK_INITIALIZER, "" } };
static struct table *primary, *active;
static int reloads; /* guarded by the table's lock */

static void *reloader(void *arg)
{
    struct table *tb = arg;
    pthread_rwlock_wrlock(&tb->lock);
    strcpy(tb->name, "reloaded");
    reloads++;
    pthread_rwlock_unlock(&tb->lock);
    return NULL;
}

int main(void)
{
    struct table *t = primary = active = &tables[0];
    pthread_t r;
    if (pthread_create(&r, NULL, reloader, t) != 0)
        return 1;
    pthread_rwlock_rdlock(&t->lock);
    int empty = t->name[0] == '\0' && reloads == 0;
    pthread_rwlock_unlock(&t->lock);
    pthread_join(r, NULL);
    return empty && primary == active;
}
