/* CL003 negative: shutdown asks the workers to stop, then retries with a
 * label: sleep 10 ms, reap (join) the workers that say they are finished,
 * and go back to the label while some are left, at most 5 times. The
 * sleep paces a reaping loop; the joins are what wait. After the last try
 * main only reads its own bookkeeping (how many are left) and logs it.
 * Issue 11 (tinyproxy's child_kill_children): the retry written with
 * `goto again` was not seen as a loop, so the sleep looked like a wait.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

enum { NW = 4 };

struct worker {
    pthread_t tid;
    atomic_int finished;
    int reaped;
};

static struct worker pool[NW];
static atomic_int stop_requested;
static atomic_long handled;

static void *work(void *arg)
{
    struct worker *w = arg;
    while (!atomic_load(&stop_requested))
        atomic_fetch_add(&handled, 1);
    atomic_store(&w->finished, 1);
    return NULL;
}

static int reap_finished(void)
{
    int left = 0;
    for (int i = 0; i < NW; i++) {
        if (pool[i].reaped)
            continue;
        if (atomic_load(&pool[i].finished)) {
            pthread_join(pool[i].tid, NULL);
            pool[i].reaped = 1;
        } else {
            left++;
        }
    }
    return left;
}

static void shutdown_workers(void)
{
    int tries = 0, left;
    atomic_store(&stop_requested, 1);
again:
    usleep(10000);
    left = reap_finished();
    if (left != 0 && tries++ < 5)
        goto again;
    if (left != 0)
        fprintf(stderr, "%d workers did not stop\n", left);
}

int main(void)
{
    for (int i = 0; i < NW; i++)
        pthread_create(&pool[i].tid, NULL, work, &pool[i]);
    shutdown_workers();
    return 0;
}
