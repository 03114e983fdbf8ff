/* Pattern: a plugin for a host whose code is not in the compile database
 * (an HTTP daemon library calling the plugin's upgrade handler): the
 * handler, registered with the host and called by it, starts a thread per
 * upgraded connection. No code of the program calls the handler, so it is
 * walked as an entry point called from outside.
 * Verdict: racy. on_upgrade() starts the session thread and then counts
 * the session in `open_sessions` without the lock the session thread
 * holds when it counts it out.
 */
// class: unresolved-entry
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct host;
typedef void (*upgrade_handler)(void *cls, int sock);
extern int host_set_upgrade_handler(struct host *h, upgrade_handler cb, void *cls);
extern struct host *host_start(unsigned short port);
extern void host_run(struct host *h);

static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned open_sessions;

static void *session(void *arg)
{
    int sock = (int)(long)arg;
    char buf[512];
    while (read(sock, buf, sizeof buf) > 0)
        ;
    close(sock);
    pthread_mutex_lock(&sessions_lock);
    open_sessions--;
    pthread_mutex_unlock(&sessions_lock);
    return NULL;
}

static void on_upgrade(void *cls, int sock)
{
    (void)cls;
    pthread_t t;
    if (pthread_create(&t, NULL, session, (void *)(long)sock) != 0) { // expect: CL001 (one thread per upgrade, no bound)
        close(sock);
        return;
    }
    pthread_detach(t);
    open_sessions++; // expect: CL002
}

int main(void)
{
    struct host *h = host_start(8080);
    if (h == NULL)
        return 1;
    host_set_upgrade_handler(h, on_upgrade, NULL);
    host_run(h);
    return 0;
}
