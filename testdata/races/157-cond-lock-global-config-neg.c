/* Pattern: C11 mutex used only when a global option asks for it; the
 * option is set before the threads start and never written again.
 * Verdict: race-free. Every update of `counter` is under
 * `if (use_locking)` after `if (use_locking) mtx_lock(...)`; with the
 * option on (as main sets it) both take the mutex.
 */
// class: conditional-locking
// expect-none
#include <stdio.h>
#include <threads.h>

static int use_locking;
static mtx_t counter_mtx;
static long counter;

static int bump(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        if (use_locking)
            mtx_lock(&counter_mtx);
        if (use_locking) {
            counter++;
            mtx_unlock(&counter_mtx);
        }
    }
    return arg != NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    use_locking = argc < 100;
    mtx_init(&counter_mtx, mtx_plain);
    thrd_t t[2];
    for (int i = 0; i < 2; i++)
        thrd_create(&t[i], bump, NULL);
    for (int i = 0; i < 2; i++)
        thrd_join(t[i], NULL);
    printf("%ld\n", counter);
    return 0;
}
