/* CL013 and CL002, one finding each: the creator changes two limits of a
 * running worker's context and then raises its volatile `stop` member; the
 * worker loop tests `stop` and reads the limits. The flag is CL013's
 * finding; CL002 folds the two limit races without the flag. */
#include <pthread.h>
#include <stdlib.h>

struct ctx {
    long max_items;
    long max_bytes;
    long served;
    volatile int stop; // expect: CL013 {{volatile 'c->stop'}}
};

static void *serve(void *arg)
{
    struct ctx *c = arg;
    long n = 0;
    while (!c->stop) { // expect-related: CL013 {{read of 'c->stop' in 'serve'}}
        if (n < c->max_items && n * 64 < c->max_bytes)
            n++;
    }
    c->served = n;
    return NULL;
}

int main(void)
{
    struct ctx *c = calloc(1, sizeof *c);
    pthread_t t;
    if (c == NULL)
        return 1;
    c->max_items = 10;
    c->max_bytes = 1000;
    pthread_create(&t, NULL, serve, c);
    c->max_items = 5; // expect: CL002 {{and 1 more race on}}
    c->max_bytes = 500;
    c->stop = 1; // expect-related: CL013 {{store to 'c->stop' in 'main'}}
    pthread_join(t, NULL);
    long s = c->served;
    free(c);
    return (int)s;
}
