/* CL010 positive: the logger formats and sends each line to the remote
 * log collector while holding log_lock; when the collector is slow the
 * socket buffer fills and every thread that logs stops. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int log_sock = -1;
static unsigned long log_seq;

static void log_line(const char *msg)
{
    char buf[512];
    pthread_mutex_lock(&log_lock);
    int n = snprintf(buf, sizeof buf, "%lu %s\n", ++log_seq, msg);
    send(log_sock, buf, (size_t)n, 0); // expect: CL010 {{'send' can block for long while 'log_lock' is held}}
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
