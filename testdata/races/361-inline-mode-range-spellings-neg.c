/* Pattern: the optional pool of 360 written with ranges instead of one
 * value: the start-up code keeps the work inline while `opts.jobs < 2`
 * and detaches the workers otherwise; the shared accounting helper asks
 * `!(opts.jobs > 1)` and the shutdown path, which main also runs while
 * the detached workers go on, asks `opts.jobs <= 1 && !opts.debug`.
 * Verdict: race-free. `jobs < 2`, `!(jobs > 1)` and `jobs <= 1` are one
 * range of integers: the workers (started where `jobs >= 2`) never take
 * the unlocked branches, and main takes them only where no worker exists.
 */
#include <pthread.h>
#include <stdlib.h>

// class: mode-global-fields
// expect-none

static struct {
    int jobs;
    int debug;
} opts;
static unsigned long bytes_out;
static pthread_mutex_t acct_lock = PTHREAD_MUTEX_INITIALIZER;

static void account(unsigned long n)
{
    if (!(opts.jobs > 1)) {
        bytes_out += n;
        return;
    }
    pthread_mutex_lock(&acct_lock);
    bytes_out += n;
    pthread_mutex_unlock(&acct_lock);
}

static void flush_totals(void)
{
    if (opts.jobs <= 1 && !opts.debug) {
        bytes_out = 0;
        return;
    }
    pthread_mutex_lock(&acct_lock);
    bytes_out = 0;
    pthread_mutex_unlock(&acct_lock);
}

static void *compress_main(void *arg)
{
    account((unsigned long)arg);
    flush_totals();
    return NULL;
}

static void start(void)
{
    if (opts.jobs < 2) {
        account(512);
        return;
    }
    for (long i = 0; i < 4; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, compress_main, (void *)(i * 512)) == 0)
            pthread_detach(t);
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    opts.jobs = argc;
    start();
    flush_totals();
    pthread_exit(NULL);
}
