/* Pattern: a command-line option parsed into a global struct decides
 * whether the job queue locks; the worker pool is started either way.
 * Verdict: racy. Without `-s`, the workers pop from `jobs` with no
 * lock.
 */
// class: conditional-locking
#include <pthread.h>
#include <string.h>

static struct options { int safe; int nworkers; } opts = { 0, 2 };
static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct { int next; int done; } jobs;

static void parse_options(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-s") == 0)
            opts.safe = 1;
}

static void *worker(void *arg)
{
    for (;;) {
        if (opts.safe)
            pthread_mutex_lock(&jobs_lock);
        int job = jobs.next++; // expect: CL002
        if (opts.safe)
            pthread_mutex_unlock(&jobs_lock);
        if (job >= 100)
            break;
    }
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t t[2];
    parse_options(argc, argv);
    for (int i = 0; i < opts.nworkers && i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < opts.nworkers && i < 2; i++)
        pthread_join(t[i], NULL);
    return jobs.done;
}
