/* CL010 negative: a supervisor reaps its exited children under the table
 * lock with waitpid(-1, &status, WNOHANG), which returns at once when no
 * child has exited; it never waits. With options 0 it would block until
 * a child exits: that twin is testdata 31.
 */
// expect-none
#include <pthread.h>
#include <sys/types.h>
#include <sys/wait.h>

#define MAX_CHILDREN 16

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pid_t children[MAX_CHILDREN];
static int nchildren;

static void forget_child(pid_t pid)
{
    for (int i = 0; i < nchildren; i++)
        if (children[i] == pid) {
            children[i] = children[--nchildren];
            return;
        }
}

void reap_exited_children(void)
{
    int status;
    pid_t pid;
    pthread_mutex_lock(&table_lock);
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
        forget_child(pid);
    pthread_mutex_unlock(&table_lock);
}
