/* CL004 negative: the caller gives up after poll() times out and returns
 * without join, detach or cancel (a thread-leak concern, not this rule's),
 * but the worker hands back through a heap slot it never blocks on: it
 * stores its answer with an atomic store, writes one byte to an eventfd-like
 * notifier it owns through a non-blocking helper, and frees its own job.
 * Nothing the worker does waits for the caller, nothing is in its frame.
 */
// expect-none
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct answer_slot { _Atomic long value; _Atomic int ready; };

struct ask_job { struct answer_slot *slot; const char *question; };

long think(const char *q);               /* oracle.c: may take a while */
void notify_nonblocking(int fd);         /* notify.c: O_NONBLOCK, drops when full */

static void *ask_main(void *arg)
{
    struct ask_job *job = arg;
    atomic_store(&job->slot->value, think(job->question));
    atomic_store(&job->slot->ready, 1);
    notify_nonblocking(3);
    free(job);
    return NULL;
}

int ask(struct answer_slot *slot, int notify_fd, const char *q, int timeout_ms, long *out)
{
    struct ask_job *job = malloc(sizeof *job);
    struct pollfd pfd = { .fd = notify_fd, .events = POLLIN };
    pthread_t tid;
    if (job == NULL)
        return -1;
    job->slot = slot;
    job->question = q;
    if (pthread_create(&tid, NULL, ask_main, job) != 0) {
        free(job);
        return -1;
    }
    if (poll(&pfd, 1, timeout_ms) <= 0)
        return -1;                       /* the slot fills in later */
    pthread_join(tid, NULL);
    *out = atomic_load(&slot->value);
    return 0;
}
