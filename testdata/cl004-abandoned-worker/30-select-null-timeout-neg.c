/* CL004 negative: select() with a NULL timeval waits forever, so there is
 * no deadline after which the caller gives up; it returns only when the
 * worker closed the pipe, after joining it.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <sys/select.h>
#include <unistd.h>

struct log_job { int wr; const char *msg; };

static void *log_main(void *arg)
{
    struct log_job *job = arg;
    for (const char *p = job->msg; *p; p++)
        if (write(job->wr, p, 1) != 1)
            break;
    close(job->wr);
    free(job);
    return NULL;
}

int relay(int rd, int wr, const char *msg, char *out, size_t cap)
{
    struct log_job *job = malloc(sizeof *job);
    pthread_t tid;
    size_t got = 0;
    if (job == NULL)
        return -1;
    job->wr = wr;
    job->msg = msg;
    if (pthread_create(&tid, NULL, log_main, job) != 0) {
        free(job);
        return -1;
    }
    for (;;) {
        fd_set rs;
        FD_ZERO(&rs);
        FD_SET(rd, &rs);
        if (select(rd + 1, &rs, NULL, NULL, NULL) < 0)
            break;
        ssize_t n = read(rd, out + got, cap - got);
        if (n <= 0 || (got += (size_t)n) == cap)
            break;
    }
    pthread_join(tid, NULL);
    return (int)got;
}
