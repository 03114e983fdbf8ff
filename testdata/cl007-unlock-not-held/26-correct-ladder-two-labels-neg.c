/* CL007 negative: the cleanup ladder has a label for the paths that never
 * locked (below the unlock) and one for those that did (above it).
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static void *reg[8];
static int nreg;

static int reg_add(size_t sz)
{
    int rc = -1;
    void *p = malloc(sz);
    if (p == NULL)
        goto out;
    pthread_mutex_lock(&reg_lock);
    if (nreg == 8)
        goto out_unlock;
    reg[nreg++] = p;
    p = NULL;
    rc = 0;
out_unlock:
    pthread_mutex_unlock(&reg_lock);
out:
    free(p);
    return rc;
}

static void *adder(void *arg)
{
    for (int i = 0; i < 10; i++)
        reg_add(16);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, adder, NULL);
    pthread_join(t, NULL);
    return 0;
}
