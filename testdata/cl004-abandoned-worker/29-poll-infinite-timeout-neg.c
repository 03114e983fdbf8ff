/* CL004 negative: the same pipe-streaming worker as 03-indexer-...c, but
 * the caller polls with an infinite timeout (-1). There is no deadline:
 * the only early return is a poll() error, which is not a timed-out wait
 * (a thread-leak concern, not this rule's).
 */
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct stream_job { int wr; int n; };

static void *stream_main(void *arg)
{
    struct stream_job *job = arg;
    for (int i = 0; i < job->n; i++)
        if (write(job->wr, &i, sizeof i) != (ssize_t)sizeof i)
            break;
    close(job->wr);
    free(job);
    return NULL;
}

long sum_stream(int rd, int wr, int n)
{
    struct stream_job *job = malloc(sizeof *job);
    struct pollfd pfd = { .fd = rd, .events = POLLIN };
    pthread_t tid;
    long sum = 0;
    int v;
    if (job == NULL)
        return -1;
    job->wr = wr;
    job->n = n;
    if (pthread_create(&tid, NULL, stream_main, job) != 0) { // expect: CL011 {{returns}} (the poll error path; CL004: none)
        free(job);
        return -1;
    }
    for (;;) {
        if (poll(&pfd, 1, -1) < 0)
            return -1;
        if (read(rd, &v, sizeof v) != (ssize_t)sizeof v)
            break;
        sum += v;
    }
    pthread_join(tid, NULL);
    return sum;
}
