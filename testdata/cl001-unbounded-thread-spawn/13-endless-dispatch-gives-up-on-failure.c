/* CL001 positive: an endless loop reads job lines from stdin and starts a
 * detached thread per line. The loop is left after a spawn only when
 * pthread_create failed: that is giving up, not a retry loop that starts
 * one thread, so the spawn still runs once per job.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *job_main(void *arg)
{
    char *line = arg;
    fputs(line, stderr);
    free(line);
    return NULL;
}

int dispatch_jobs(void)
{
    char *line = NULL;
    size_t cap = 0;
    for (;;) {
        if (getline(&line, &cap, stdin) < 0)
            break;
        char *job = strdup(line);
        pthread_t tid;
        if (job == NULL)
            continue;
        if (pthread_create(&tid, NULL, job_main, job) != 0) { // expect: CL001
            free(job);
            free(line);
            return -1;
        }
        pthread_detach(tid);
    }
    free(line);
    return 0;
}
