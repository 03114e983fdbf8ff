/* CL002 positive, two root causes: the control thread changes the port in
 * set_port() and the timeout in set_timeout(), each without the lock the
 * connection thread reads them under. The same object and the same
 * threads, but two functions that each need the lock: two findings, not
 * folded into one (and the thread's entry, which calls both, does not
 * gather its callees' races).
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    int port;
    int timeout;
} cfg = { 80, 30 };

static void set_port(int p)
{
    cfg.port = p; // expect: CL002 {{write to 'cfg.port' in 'set_port'}}
}

static void set_timeout(int s)
{
    cfg.timeout = s; // expect: CL002 {{write to 'cfg.timeout' in 'set_timeout'}}
}

static void *control_main(void *arg)
{
    (void)arg;
    set_port(8080);
    set_timeout(60);
    return NULL;
}

static void *conn_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&cfg_lock);
    printf("%d %d\n", cfg.port, cfg.timeout);
    pthread_mutex_unlock(&cfg_lock);
    return NULL;
}

int main(void)
{
    pthread_t c, k;
    pthread_create(&c, NULL, control_main, NULL);
    pthread_create(&k, NULL, conn_main, NULL);
    pthread_join(c, NULL);
    pthread_join(k, NULL);
    return 0;
}
