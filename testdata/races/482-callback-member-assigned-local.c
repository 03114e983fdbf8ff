/* Pattern: a local context struct whose hook is assigned member by member
 * before two threads get a pointer to their own context.
 * Verdict: racy. on_tick() updates `ticks`, shared by both threads.
 */
// class: function-pointers
#include <pthread.h>

struct ctx {
    int n;
    void (*hook)(int);
};

static int ticks;

static void on_tick(int n)
{
    ticks += n; // expect: CL002
}

static void *loop(void *arg)
{
    struct ctx *c = arg;
    for (int i = 0; i < c->n; i++)
        c->hook(1);
    return NULL;
}

int main(void)
{
    struct ctx c1, c2;
    c1.n = 10;
    c1.hook = on_tick;
    c2.n = 20;
    c2.hook = on_tick;
    pthread_t a, b;
    pthread_create(&a, NULL, loop, &c1);
    pthread_create(&b, NULL, loop, &c2);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return ticks;
}
