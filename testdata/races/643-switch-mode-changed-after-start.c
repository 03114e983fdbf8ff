/* Pattern: a sampler thread is started in single mode; main then turns
 * the global mode to multi (a reload) while the thread runs, so the
 * thread's switch may take the multi case, which updates the totals main
 * also updates.
 * Verdict: racy. The mode the thread was started in does not hold: main
 * writes it after the start (itself a race on `mode`), and the
 * MODE_MULTI case writes `total` unlocked while main does.
 */
// class: mode-global-fields
#include <pthread.h>
#include <unistd.h>

enum { MODE_SINGLE = 1, MODE_MULTI = 2 };

static int mode;
static long total;
static long single_samples;

static void sample(long v)
{
    switch (mode) { // expect: CL002 {{read of 'mode'}}
    case MODE_SINGLE:
        single_samples++;
        break;
    case MODE_MULTI:
        total += v; // expect: CL002 {{races with write in 'main'}}
        break;
    }
}

static void *sampler(void *arg)
{
    (void)arg;
    for (long v = 0;; v++) {
        sample(v);
        usleep(1000);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    mode = argc > 1 ? MODE_MULTI : MODE_SINGLE;
    if (mode == MODE_SINGLE) {
        pthread_t t;
        pthread_create(&t, NULL, sampler, NULL);
        pthread_detach(t);
        mode = MODE_MULTI;
        total = 0; // expect-related: CL002
    }
    return 0;
}
