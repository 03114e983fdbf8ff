/* CL004 negative: like 06-mq-timedreceive-queue-fills.c, but on timeout the
 * caller cancels the worker (mq_send() and the upstream fetch are
 * cancellation points) and joins it, so no worker is left to block on the
 * queue. The job is freed by a cleanup handler on cancellation.
 */
// expect-none
#include <errno.h>
#include <mqueue.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

struct quote_msg { unsigned req_id; long cents; };

struct quote_job { mqd_t replies; unsigned req_id; char symbol[16]; };

long fetch_quote(const char *symbol);    /* upstream.c: may hang */

static void *quote_main(void *arg)
{
    struct quote_job *job = arg;
    pthread_cleanup_push(free, job);
    struct quote_msg msg = { job->req_id, fetch_quote(job->symbol) };
    mq_send(job->replies, (const char *)&msg, sizeof msg, 0);
    pthread_cleanup_pop(1);
    return NULL;
}

int get_quote(mqd_t replies, unsigned req_id, const char *symbol, int timeout_s, long *cents)
{
    struct quote_job *job = calloc(1, sizeof *job);
    struct quote_msg msg;
    struct timespec deadline;
    pthread_t tid;
    if (job == NULL)
        return -1;
    job->replies = replies;
    job->req_id = req_id;
    for (int i = 0; i < 15 && symbol[i] != '\0'; i++)
        job->symbol[i] = symbol[i];
    if (pthread_create(&tid, NULL, quote_main, job) != 0) {
        free(job);
        return -1;
    }
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    ssize_t n = mq_timedreceive(replies, (char *)&msg, sizeof msg, NULL, &deadline);
    if (n < 0 && errno == ETIMEDOUT) {
        pthread_cancel(tid);
        pthread_join(tid, NULL);
        return -1;
    }
    pthread_join(tid, NULL);
    if (n != (ssize_t)sizeof msg)
        return -1;
    *cents = msg.cents;
    return 0;
}
