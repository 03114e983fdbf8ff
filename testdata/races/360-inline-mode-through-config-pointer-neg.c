/* Pattern: a batch tool's run function (the "-j1 runs inline" path of
 * compressors and checkers): `run()` tests the configured thread count
 * through the global configuration pointer; with one thread it does the
 * work itself and returns early, otherwise it starts the workers and
 * joins them. The shared work function tests the mode again through the
 * same pointer and skips the lock in single-thread mode. Found by a
 * fresh-eyes trial (issue 11): the mode of a member reached through a
 * global pointer (`conf->threads`) was not kept, so each worker took the
 * unlocked branch as well.
 * Verdict: race-free. The workers exist only where `conf->threads != 1`
 * and nothing writes it after they start; the unlocked branch runs only
 * in the creator, before any worker exists.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: mode-global-fields
// expect-none

struct config {
    int threads;
    int verbose;
};

static struct config *conf;
static long files_done;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

static void file_done(void)
{
    if (conf->threads == 1) {
        files_done++;
        return;
    }
    pthread_mutex_lock(&stats_lock);
    files_done++;
    pthread_mutex_unlock(&stats_lock);
}

static void *worker_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++)
        file_done();
    return NULL;
}

static void run(void)
{
    pthread_t t[16];
    int n;

    if (conf->threads == 1) {
        for (int i = 0; i < 100; i++)
            file_done();
        return;
    }
    for (n = 0; n < conf->threads && n < 16; n++)
        pthread_create(&t[n], NULL, worker_main, NULL);
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
}

int main(int argc, char **argv)
{
    static struct config defaults;

    defaults.threads = argc > 1 ? atoi(argv[1]) : 1;
    conf = &defaults;
    run();
    printf("%ld\n", files_done);
    return 0;
}
