/* CL003 negative (spawn wrapper over thrd_create; twin of case 42): the
 * configuration parser runs on a thread started through run_async(), which
 * passes its function-pointer parameter on to thrd_create; the creator
 * joins it and takes the result from the join's status, with no sleep
 * standing in for the join.
 */
// expect-none
#include <stdio.h>
#include <string.h>
#include <threads.h>

struct parse_job {
    const char *text;
    int keys;                        /* written by the parser, read after the join */
};

static int run_async(thrd_t *t, int (*body)(void *), struct parse_job *job)
{
    return thrd_create(t, body, job);
}

static int parse_config(void *arg)
{
    struct parse_job *job = arg;
    int keys = 0;
    for (const char *p = job->text; (p = strchr(p, '=')) != NULL; p++)
        keys++;
    job->keys = keys;
    return keys > 0 ? 0 : 1;
}

int main(void)
{
    struct parse_job job = { "port=80\nworkers=4\n", 0 };
    thrd_t parser;
    int status = 1;
    if (run_async(&parser, parse_config, &job) != thrd_success)
        return 1;
    thrd_join(parser, &status);
    printf("%d keys, status %d\n", job.keys, status);
    return status;
}
