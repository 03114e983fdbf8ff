/* CL001 positive: a dispatcher pops received jobs from a queue that its
 * receive step fills, `while ((j = next_job(q)) != NULL)`, and starts a
 * thread per job. The loop's cursor comes from a call, not from the
 * previous element's link: each round is a request received, and nothing
 * bounds the threads.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>

struct job {
    struct job *next;
    char data[64];
};

struct jobq {
    int sock;
    struct job *head;
};

static struct job *next_job(struct jobq *q)
{
    struct job *j = malloc(sizeof *j);
    if (j == NULL)
        return NULL;
    if (recv(q->sock, j->data, sizeof j->data, 0) <= 0) {
        free(j);
        return NULL;
    }
    j->next = q->head;
    q->head = j;
    return j;
}

static void *run_job(void *arg)
{
    struct job *j = arg;
    return j->data[0] ? j : NULL;
}

void dispatch(struct jobq *q)
{
    struct job *j;
    while ((j = next_job(q)) != NULL) {
        pthread_t t;
        if (pthread_create(&t, NULL, run_job, j) == 0) // expect: CL001
            pthread_detach(t);
    }
}

int main(void)
{
    struct jobq q = { 0, NULL };
    dispatch(&q);
    return 0;
}
