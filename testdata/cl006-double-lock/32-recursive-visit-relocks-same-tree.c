/* CL006 positive, not yet found (see the expect-todo): a recursive visit
 * that passes the same tree down and locks the tree's (non-recursive)
 * mutex at every level: the inner call
 * locks the very mutex the outer call holds and the thread deadlocks on
 * the first node with a child. Unlike 31, the inner invocation gets the
 * outer one's object itself, not another object of the type.
 */
#include <pthread.h>
#include <stddef.h>

struct node {
    struct node *left, *right;
    int key;
};

struct tree {
    pthread_mutex_t lock;
    struct node *root;
    long visited;
};

static void visit(struct tree *t, struct node *n)
{
    if (n == NULL)
        return;
    pthread_mutex_lock(&t->lock); // expect-todo: CL006 (a recursion is walked from the join of its entry state and the outer one's: the lock is only may-held there)
    t->visited++;
    visit(t, n->left);
    visit(t, n->right);
    pthread_mutex_unlock(&t->lock);
}

int main(void)
{
    static struct node leaf = { NULL, NULL, 2 };
    static struct node top = { &leaf, NULL, 1 };
    static struct tree t = { PTHREAD_MUTEX_INITIALIZER, &top, 0 };
    visit(&t, t.root);
    return t.visited != 2;
}
