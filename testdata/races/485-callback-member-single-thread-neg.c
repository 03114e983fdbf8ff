/* Pattern: two local contexts with hooks, but only one worker thread runs
 * them; main waits for it before it reads the counter.
 * Verdict: race-free.
 */
// class: function-pointers
// expect-none
#include <pthread.h>

struct ctx {
    int n;
    void (*hook)(int);
};

static int ticks;

static void on_tick(int n)
{
    ticks += n;
}

static void *loop(void *arg)
{
    struct ctx *c = arg;
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < c[k].n; i++)
            c[k].hook(1);
    return NULL;
}

int main(void)
{
    struct ctx cs[2] = { { 10, on_tick }, { 20, on_tick } };
    pthread_t a;
    pthread_create(&a, NULL, loop, cs);
    pthread_join(a, NULL);
    return ticks;
}
