/* CL006 negative: a directory entry and its parent are different objects
 * of the same type; locking the parent, then the child, takes two locks.
 */
// expect-none
#include <pthread.h>

struct dnode { pthread_mutex_t m; int nchild; struct dnode *parent; };
static struct dnode root = { PTHREAD_MUTEX_INITIALIZER, 0, NULL };
static struct dnode leaf = { PTHREAD_MUTEX_INITIALIZER, 0, &root };

static void link_child(struct dnode *parent, struct dnode *child)
{
    pthread_mutex_lock(&parent->m);
    pthread_mutex_lock(&child->m);
    parent->nchild++;
    child->parent = parent;
    pthread_mutex_unlock(&child->m);
    pthread_mutex_unlock(&parent->m);
}

static void *linker(void *arg)
{
    link_child(&root, &leaf);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, linker, NULL);
    pthread_join(t, NULL);
    return 0;
}
