/* CL008 negative (a migration tool run in phases): the three steps take
 * pairs of locks in a rotating order, but main joins each step's thread
 * before starting the next, so no two of them ever run at once.
 */
// class: three-lock-cycle
// expect-none
#include <pthread.h>

static pthread_mutex_t users_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t groups_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t acl_mu = PTHREAD_MUTEX_INITIALIZER;
static int users, groups, acls;

static void *step1(void *arg)
{
    pthread_mutex_lock(&users_mu);
    pthread_mutex_lock(&groups_mu);
    users++, groups++;
    pthread_mutex_unlock(&groups_mu);
    pthread_mutex_unlock(&users_mu);
    return arg;
}

static void *step2(void *arg)
{
    pthread_mutex_lock(&groups_mu);
    pthread_mutex_lock(&acl_mu);
    groups++, acls++;
    pthread_mutex_unlock(&acl_mu);
    pthread_mutex_unlock(&groups_mu);
    return arg;
}

static void *step3(void *arg)
{
    pthread_mutex_lock(&acl_mu);
    pthread_mutex_lock(&users_mu);
    acls++, users++;
    pthread_mutex_unlock(&users_mu);
    pthread_mutex_unlock(&acl_mu);
    return arg;
}

static int run_step(void *(*step)(void *))
{
    pthread_t t;
    if (pthread_create(&t, NULL, step, NULL) != 0)
        return -1;
    return pthread_join(t, NULL);
}

int main(void)
{
    if (run_step(step1) != 0 || run_step(step2) != 0 || run_step(step3) != 0)
        return 1;
    return 0;
}
