/* Pattern: __builtin_unreachable() in a switch default, C11 threads.
 * Verdict: race-free. main joins the counter thread in every case of the
 * shutdown switch; the default is marked unreachable, so no path reaches
 * the read of `ticks` with the counter still running.
 */
// class: noreturn-setjmp
// expect-none
#include <stdio.h>
#include <threads.h>

enum stop_mode { STOP_JOIN, STOP_JOIN_QUIET };
static long ticks;

static int counter(void *arg)
{
    for (int i = 0; i < 1000; i++)
        ticks++;
    return arg != NULL;
}

static long shut_down(thrd_t t, enum stop_mode how)
{
    switch (how) {
    case STOP_JOIN:
        thrd_join(t, NULL);
        puts("joined");
        break;
    case STOP_JOIN_QUIET:
        thrd_join(t, NULL);
        break;
    default:
        __builtin_unreachable();
    }
    return ticks;
}

int main(int argc, char **argv)
{
    thrd_t t;
    (void)argv;
    thrd_create(&t, counter, NULL);
    printf("%ld\n", shut_down(t, argc > 1 ? STOP_JOIN : STOP_JOIN_QUIET));
    return 0;
}
