/* CL010 positive: the blocking twin of 30: a supervisor waits for a child
 * to exit with waitpid(pid, &status, 0) while it holds the table lock, so
 * every thread that needs the child table waits as long as the child runs.
 */
#include <pthread.h>
#include <sys/types.h>
#include <sys/wait.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static int nchildren;

int stop_child(pid_t pid)
{
    int status = 0;
    pthread_mutex_lock(&table_lock);
    pid_t got = waitpid(pid, &status, 0); // expect: CL010
    if (got == pid)
        nchildren--;
    pthread_mutex_unlock(&table_lock);
    return got == pid ? status : -1;
}
