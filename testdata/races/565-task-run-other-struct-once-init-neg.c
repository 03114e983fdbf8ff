/* Pattern: two structs of a server both have a member named `run`: the
 * job queue's jobs (struct job) that worker threads run through their
 * job's ops table, and the start-up hooks (struct init_hook) main runs
 * once before any thread exists; the hook fills a lazily initialized
 * static table behind an `if (first) { ...; first = 0; }` guard.
 * Verdict: race-free. The workers' calls through job->ops->run can only
 * reach functions stored into struct job_ops's `run`, which touch the
 * job they are given; the once-initialized statics are written only by
 * main before the spawns.
 */
// class: function-pointers
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct job;
struct job_ops {
    void (*run)(struct job *);
};
struct job {
    const struct job_ops *ops;
    long result;
};
struct init_hook {
    const char *name;
    void (*run)(void);
};

static int table_ready = 1;
static int crc_table[256];

static void build_crc_table(void)
{
    if (table_ready) {
        for (int i = 0; i < 256; i++)
            crc_table[i] = i * 31;
        table_ready = 0;
    }
}

static const struct init_hook hooks[] = { { "crc", build_crc_table } };

static void sum_job(struct job *j)
{
    j->result += crc_table[7];
}

static const struct job_ops sum_ops = { sum_job };

static void *worker(void *arg)
{
    struct job *j = arg;
    j->ops->run(j);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    struct job jobs[3];
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
        hooks[i].run();
    for (int i = 0; i < 3; i++) {
        jobs[i].ops = &sum_ops;
        jobs[i].result = 0;
        pthread_create(&t[i], NULL, worker, &jobs[i]);
    }
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return (int)jobs[0].result;
}
