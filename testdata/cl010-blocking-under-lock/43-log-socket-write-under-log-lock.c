/* CL010 positive (a remote logger): log lines go to a TCP collector over a
 * socket kept in a global; the sender writes while it holds the log lock,
 * so when the collector stops reading and the socket buffer fills, every
 * thread that logs waits.
 */
// class: socket-io-under-lock
#include <netinet/in.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int log_sock = -1;
static unsigned long log_seq;

static int log_open(const struct sockaddr_in *collector)
{
    log_sock = socket(AF_INET, SOCK_STREAM, 0);
    if (log_sock < 0)
        return -1;
    return connect(log_sock, (const struct sockaddr *)collector, sizeof *collector);
}

static void log_line(const char *msg)
{
    pthread_mutex_lock(&log_lock);
    log_seq++;
    write(log_sock, msg, strlen(msg)); // expect: CL010 {{'write' can block for long while 'log_lock' is held}}
    pthread_mutex_unlock(&log_lock);
}

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++)
        log_line("tick\n");
    return NULL;
}

int main(void)
{
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(514) };
    pthread_t t[2];
    if (log_open(&sa) != 0)
        return 1;
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
