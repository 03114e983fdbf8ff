/* CL003 negative: a C11 service stops its helper threads: it raises a stop
 * flag, then in a retry written with a label sleeps 5 ms with thrd_sleep,
 * joins every helper whose atomic `exited` flag is up, and goes back to
 * the label while helpers remain, with a budget of 3 rounds. The joins
 * wait; the sleep spaces the rounds. Nothing a helper writes is read after
 * the loop (main reports only its own count).
 */
// expect-none
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>
#include <time.h>

enum { NH = 3 };

struct helper {
    thrd_t thr;
    atomic_bool exited;
    int joined;
};

static struct helper helpers[NH];
static atomic_bool stop;
static atomic_long ticks;

static int helper_main(void *arg)
{
    struct helper *h = arg;
    while (!atomic_load(&stop))
        atomic_fetch_add(&ticks, 1);
    atomic_store(&h->exited, 1);
    return 0;
}

static int stop_helpers(void)
{
    struct timespec pause = { 0, 5 * 1000 * 1000 };
    int budget = 3, remaining;
    atomic_store(&stop, 1);
retry:
    thrd_sleep(&pause, NULL);
    remaining = 0;
    for (int i = 0; i < NH; i++) {
        if (helpers[i].joined)
            continue;
        if (atomic_load(&helpers[i].exited)) {
            thrd_join(helpers[i].thr, NULL);
            helpers[i].joined = 1;
        } else {
            remaining++;
        }
    }
    if (remaining > 0 && budget-- > 0)
        goto retry;
    return remaining;
}

int main(void)
{
    for (int i = 0; i < NH; i++)
        thrd_create(&helpers[i].thr, helper_main, &helpers[i]);
    int left = stop_helpers();
    if (left > 0)
        fprintf(stderr, "%d helpers still running\n", left);
    return 0;
}
