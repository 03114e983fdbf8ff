/* Pattern: the inline path of 360, but the guard and the helper disagree
 * about zero: `run()` works inline only where `threads == 1`, so with
 * `-j0` it starts its fixed four scanners, and the helper skips the lock
 * wherever `threads <= 1`.
 * Verdict: racy. With `threads == 0` the four scanners all take the
 * unlocked branch of `found_one` and update `matches` together.
 */
#include <pthread.h>
#include <stdlib.h>

// class: mode-global-fields

struct config {
    int threads;
};

static struct config *conf;
static long matches;
static pthread_mutex_t match_lock = PTHREAD_MUTEX_INITIALIZER;

static void found_one(void)
{
    if (conf->threads <= 1) {
        matches++; // expect: CL002 {{races with itself}}
        return;
    }
    pthread_mutex_lock(&match_lock);
    matches++;
    pthread_mutex_unlock(&match_lock);
}

static void *scanner_main(void *arg)
{
    (void)arg;
    found_one();
    return NULL;
}

static void run(void)
{
    pthread_t t[4];

    if (conf->threads == 1) {
        found_one();
        return;
    }
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, scanner_main, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
}

int main(int argc, char **argv)
{
    static struct config c;

    c.threads = argc > 1 ? atoi(argv[1]) : 1;
    conf = &c;
    run();
    return 0;
}
