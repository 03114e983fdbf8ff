/* CL003 negative: a periodic work loop that checks a stop flag another
 * thread writes. The janitor expires idle sessions once a second until main
 * sets `stopping` (read through should_stop() under the lock). The sleep
 * paces real work; the flag only ends the loop, and main joins the janitor.
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t ctl_lock = PTHREAD_MUTEX_INITIALIZER;
static int stopping;                     /* guarded by ctl_lock */

int expire_idle_sessions(void);          /* sessions.c */
int run_server(void);                    /* server.c */

static int should_stop(void)
{
    pthread_mutex_lock(&ctl_lock);
    int s = stopping;
    pthread_mutex_unlock(&ctl_lock);
    return s;
}

static void *janitor_main(void *arg)
{
    (void)arg;
    while (!should_stop()) {
        expire_idle_sessions();
        sleep(1);
    }
    return NULL;
}

int main(void)
{
    pthread_t janitor;
    if (pthread_create(&janitor, NULL, janitor_main, NULL) != 0)
        return 1;
    int rc = run_server();
    pthread_mutex_lock(&ctl_lock);
    stopping = 1;
    pthread_mutex_unlock(&ctl_lock);
    pthread_join(janitor, NULL);
    return rc;
}
