/* CL010 negative: the twin of 03: the logger sends with MSG_DONTWAIT and
 * drops the line when the collector is slow, so the lock is never held
 * across a wait. */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int log_sock = -1;
static unsigned long log_seq, log_dropped;

static void log_line(const char *msg)
{
    char buf[512];
    pthread_mutex_lock(&log_lock);
    int n = snprintf(buf, sizeof buf, "%lu %s\n", ++log_seq, msg);
    if (send(log_sock, buf, (size_t)n, MSG_DONTWAIT | MSG_NOSIGNAL) < 0)
        log_dropped++;
    pthread_mutex_unlock(&log_lock);
}

static void *worker(void *arg)
{
    (void)arg;
    log_line("worker started");
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    log_line("main");
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
