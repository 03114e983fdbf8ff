/* Pattern: a start block carries the routine and a pointer to the shared
 * defaults; the trampoline gives each thread a private copy first
 * (`sb->conf = copy`) and hands that to the routine, which tunes it.
 * Main meanwhile changes the shared defaults.
 * Verdict: race-free. The copy is made from constants, so the thread
 * never touches the shared defaults; it writes its own copy only.
 */
// class: callback
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct conf {
    int verbose;
    int retries;
};

struct start_block {
    void *(*fn)(void *);
    struct conf *conf;
};

static struct conf defaults = { 0, 3 };

static void *trampoline(void *p)
{
    struct start_block *sb = p;
    struct conf *copy = calloc(1, sizeof *copy);
    if (copy == NULL)
        return NULL;
    copy->retries = 3;
    sb->conf = copy;
    sb->conf->verbose = 1;
    return sb->fn(sb->conf);
}

static void *worker(void *arg)
{
    struct conf *c = arg;
    c->retries--;
    return c->verbose ? arg : NULL;
}

int main(void)
{
    pthread_t t;
    struct start_block *sb = malloc(sizeof *sb);
    if (sb == NULL)
        return 1;
    sb->fn = worker;
    sb->conf = &defaults;
    if (pthread_create(&t, NULL, trampoline, sb) != 0)
        return 1;
    defaults.verbose = 2;
    defaults.retries = 5;
    pthread_join(t, NULL);
    free(sb);
    return 0;
}
