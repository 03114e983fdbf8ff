/* CL004 negative: pthread_timedjoin_np(); on timeout the caller detaches
 * the exporter. The exporter owns its heap job and writes its output to a
 * file: it hands nothing back to the caller, so nothing blocks on or
 * writes into the caller's frame after it returns.
 */
// expect-none
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct export_job { char out_path[128]; unsigned rows; };

static void *export_main(void *arg)
{
    struct export_job *job = arg;
    FILE *f = fopen(job->out_path, "w");
    for (unsigned i = 0; f != NULL && i < job->rows; i++)
        fprintf(f, "%u,row-%u\n", i, i);
    if (f != NULL)
        fclose(f);
    free(job);
    return NULL;
}

int export_report(const char *path, unsigned rows, int timeout_s)
{
    struct export_job *job = malloc(sizeof *job);
    struct timespec deadline;
    pthread_t tid;
    if (job == NULL)
        return -1;
    snprintf(job->out_path, sizeof job->out_path, "%s", path);
    job->rows = rows;
    if (pthread_create(&tid, NULL, export_main, job) != 0) {
        free(job);
        return -1;
    }
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    if (pthread_timedjoin_np(tid, NULL, &deadline) != 0) {
        pthread_detach(tid);             /* finishes in the background */
        return 1;
    }
    return 0;
}
