/* Pattern: the worker with index 2 writes a report through a helper; the
 * helper updates a global summary.
 * Verdict: race-free. One instance has index 2; the helper runs only in
 * it.
 */
// class: instance-id
// expect-none
#include <pthread.h>

struct summary {
    long lines;
    long words;
};

static struct summary report;

static void write_report(struct summary *s)
{
    s->lines += 10;
    s->words += 80;
}

static void *worker(void *arg)
{
    long id = (long)arg;
    if ((long)arg == 2)
        write_report(&report);
    return (void *)id;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return (int)report.lines;
}
