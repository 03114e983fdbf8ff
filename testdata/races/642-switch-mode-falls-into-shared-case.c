/* Pattern: a log shipper's uploader thread runs only in batch mode; its
 * flush routine switches on the mode, and the batch case falls through
 * into the case that resets the pending counter main also resets.
 * Verdict: racy. MODE_BATCH has no break: the thread goes on into the
 * MODE_DIRECT case and writes `pending` while main writes it.
 */
// class: mode-global-fields
#include <pthread.h>
#include <unistd.h>

enum ship_mode { MODE_DIRECT, MODE_BATCH };

static struct {
    enum ship_mode mode;
    int interval;
} conf;
static int pending;
static long uploaded;

static void flush(void)
{
    switch (conf.mode) {
    case MODE_BATCH:
        uploaded += 1;
        /* fall through */
    case MODE_DIRECT:
        pending = 0; // expect: CL002 {{races with write in 'main'}}
        break;
    }
}

static void *uploader(void *arg)
{
    (void)arg;
    for (;;) {
        flush();
        sleep((unsigned)conf.interval);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    conf.mode = argc > 2 ? MODE_BATCH : MODE_DIRECT;
    conf.interval = 5;
    if (conf.mode == MODE_BATCH) {
        pthread_t t;
        pthread_create(&t, NULL, uploader, NULL);
        pthread_detach(t);
    }
    for (int i = 0; i < 1000; i++)
        pending++; // expect-related: CL002
    if (conf.mode == MODE_DIRECT)
        flush();
    return 0;
}
