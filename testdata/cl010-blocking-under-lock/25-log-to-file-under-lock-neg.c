/* CL010 negative: the twin of 03: logging to a file under the log lock
 * (fprintf, fflush and write on a file are not long waits). */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *log_file;
static int log_fd = 2;
static unsigned long log_seq;

static void log_line(const char *msg)
{
    pthread_mutex_lock(&log_lock);
    if (log_file != NULL) {
        fprintf(log_file, "%lu %s\n", ++log_seq, msg);
        fflush(log_file);
    } else if (write(log_fd, msg, strlen(msg)) < 0) {
        log_seq--;
    }
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
