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

static thrd_t thr[NH];
static atomic_bool exited[NH];
static unsigned joined_mask;
static atomic_bool stop;
static atomic_long ticks;

static int helper_main(void *arg)
{
    atomic_bool *done = arg;
    while (!atomic_load(&stop))
        atomic_fetch_add(&ticks, 1);
    atomic_store(done, 1);
    return 0;
}

static int stop_helpers(void)
{
    struct timespec pause = { 0, 5 * 1000 * 1000 };
    int budget = 3;
    atomic_store(&stop, 1);
retry:
    thrd_sleep(&pause, NULL);
    for (int i = 0; i < NH; i++)
        if (!(joined_mask & (1u << i)) && atomic_load(&exited[i])) {
            thrd_join(thr[i], NULL);
            joined_mask |= 1u << i;
        }
    if (joined_mask != (1u << NH) - 1 && budget-- > 0)
        goto retry;
    return NH - __builtin_popcount(joined_mask);
}

int main(void)
{
    for (int i = 0; i < NH; i++)
        thrd_create(&thr[i], helper_main, &exited[i]);
    int left = stop_helpers();
    if (left > 0)
        fprintf(stderr, "%d helpers still running\n", left);
    return 0;
}
