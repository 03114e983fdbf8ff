/* Pattern: a global handler slot filled at run time (`ops.update =
 * bump_hits`, not by an initializer); the worker calls through it while
 * main calls the function directly.
 * Verdict: racy: bump_hits writes `hits` with no lock from both threads.
 */
#include <pthread.h>
#include <stdio.h>

// class: function-pointers

struct stats_ops {
    void (*update)(int);
};

static struct stats_ops ops;
static int hits;

static void bump_hits(int n)
{
    hits += n; // expect: CL002
}

static void *worker(void *arg)
{
    for (int i = 0; i < 10; i++)
        ops.update(1);
    return arg;
}

int main(void)
{
    ops.update = bump_hits;
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    bump_hits(5);
    pthread_join(t, NULL);
    printf("%d\n", hits);
    return 0;
}
