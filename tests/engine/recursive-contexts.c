/* Recursion over a data structure and mutual recursion: without widening,
 * every level binds the parameters to a longer path (n->left->right->...)
 * and the walk makes 2^depth calling contexts until its budget runs out;
 * with it, the walk is whole: the race after the recursion (the unlocked
 * `hits++` in `count`) is found, and `n->val`, written under the lock of
 * the same node at every level, is not a race. */
#include <pthread.h>
#include <stddef.h>

struct node {
    struct node *left, *right, *next;
    pthread_mutex_t lock;
    int val;
};

static struct node *root;
static int hits;

static void visit(struct node *n)
{
    pthread_mutex_lock(&n->lock);
    n->val++;
    pthread_mutex_unlock(&n->lock);
}

static void count(void)
{
    hits++;
}

static void walk_list(struct node *n);

static void walk_tree(struct node *n)
{
    if (n == NULL)
        return;
    visit(n);
    walk_tree(n->left);
    walk_tree(n->right);
    walk_list(n->next);
}

static void walk_list(struct node *n)
{
    for (; n != NULL; n = n->next) {
        walk_tree(n->left);
        walk_list(n->right);
    }
}

static void *worker(void *a)
{
    (void)a;
    walk_tree(root);
    count();
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
