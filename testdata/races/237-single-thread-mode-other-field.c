/* Pattern: a resolver cache whose setup returns before starting the
 * refresher threads when `res.refreshers == 0`, but whose update path
 * decides on another member, `res.lockless`, set independently from the
 * command line.
 * Verdict: racy. The refresher threads exist whenever `res.refreshers !=
 * 0`, whatever `res.lockless` says: a refresher and main may both take
 * the lockless branch and bump `res.generation` at once.
 */
#include <pthread.h>
#include <stdio.h>

// class: mode-global-fields

static struct {
    int refreshers;
    int lockless;
    unsigned long generation;
} res;
static pthread_mutex_t res_lock = PTHREAD_MUTEX_INITIALIZER;

static void bump_generation(void)
{
    if (res.lockless == 1) {
        res.generation++; // expect: CL002
        return;
    }
    pthread_mutex_lock(&res_lock);
    res.generation++;
    pthread_mutex_unlock(&res_lock);
}

static void *refresher_main(void *arg)
{
    (void)arg;
    bump_generation();
    return NULL;
}

static void start_refreshers(pthread_t *t)
{
    if (res.refreshers == 0)
        return;
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, refresher_main, NULL);
}

int main(int argc, char **argv)
{
    pthread_t t[2];
    (void)argv;
    res.refreshers = argc > 1;
    res.lockless = argc > 2;
    start_refreshers(t);
    bump_generation();
    puts("started");
    return 0;
}
