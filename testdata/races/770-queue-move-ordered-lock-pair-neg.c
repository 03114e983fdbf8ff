/* Pattern: a job scheduler moves a job between two run queues. The
 * helper declares both lock pointers in one declaration, choosing the
 * queues' mutexes in address order with conditional operators, and takes
 * them before unlinking the job from one queue and appending it to the
 * other.
 * Verdict: race-free. `first` and `second` are always the two queues'
 * mutexes; the lengths of both change with both held.
 */
// expect-none
// class: lock-order-choice
#include <pthread.h>
#include <stdio.h>

struct runq {
    int id;
    pthread_mutex_t lock;
    int len;
    int jobs[64];
};

static struct runq rq_fast = { 0, PTHREAD_MUTEX_INITIALIZER, 5, { 0 } };
static struct runq rq_slow = { 1, PTHREAD_MUTEX_INITIALIZER, 5, { 0 } };

static void migrate(struct runq *from, struct runq *to)
{
    pthread_mutex_t *first = from < to ? &from->lock : &to->lock, *second = from < to ? &to->lock : &from->lock;
    pthread_mutex_lock(first);
    pthread_mutex_lock(second);
    if (from->len > 0 && to->len < 64) {
        int job = from->jobs[--from->len];
        to->jobs[to->len++] = job;
    }
    pthread_mutex_unlock(second);
    pthread_mutex_unlock(first);
}

static void *balancer(void *arg)
{
    for (int i = 0; i < 50; i++)
        migrate(&rq_fast, &rq_slow);
    return arg;
}

static void *stealer(void *arg)
{
    for (int i = 0; i < 50; i++)
        migrate(&rq_slow, &rq_fast);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, balancer, NULL);
    pthread_create(&b, NULL, stealer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d %d\n", rq_fast.len, rq_slow.len);
    return 0;
}
