/* CL002 positive, one root cause across a call to a helper that names the
 * global itself: log_error() counts the error in `stats` and calls
 * bump_code(), which counts it per code in the same `stats`, both from
 * the workers without stats_lock, which the reporter holds. The helper is
 * part of its caller's unguarded update: one finding at log_error()'s
 * write, bump_code()'s write as a related location.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    long errors;
    long by_code[8];
} stats;

static void bump_code(int code)
{
    stats.by_code[code & 7]++; // expect-related: CL002 {{also writes 'stats.by_code[]' in 'bump_code'}}
}

static void log_error(int code)
{
    stats.errors++; // expect: CL002 {{write to 'stats.errors' in 'log_error'}} {{and 1 more race on 'stats' through 'log_error'}}
    bump_code(code);
}

static void *worker(void *arg)
{
    log_error((int)(long)arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, (void *)3L);
    pthread_mutex_lock(&stats_lock);
    printf("%ld %ld\n", stats.errors, stats.by_code[3]); // expect-related: CL002 {{conflicting read of 'stats.errors' in 'main'}}
    pthread_mutex_unlock(&stats_lock);
    pthread_join(t, NULL);
    return 0;
}
