/* CL004 positive: a search indexer lists a directory on a worker thread
 * that streams one fixed-size record per entry into the indexer's long-lived
 * result pipe with a blocking write(). The caller reads with poll() and a
 * finite timeout; when poll() times out it returns and leaves the worker.
 * Nobody drains the pipe after that, so on a big directory the pipe fills
 * and the worker blocks in write() forever.
 * From shared case 51 (true bug).
 */
#include <dirent.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct indexer { int pipe_rd, pipe_wr; };    /* made once by pipe() */

struct record { int more; char name[252]; };

struct scan_job { const struct indexer *ix; char dir[256]; };

static void *scan_main(void *arg)
{
    struct scan_job *job = arg;
    DIR *d = opendir(job->dir);
    struct dirent *de;
    struct record rec;
    while (d != NULL && (de = readdir(d)) != NULL) {
        memset(&rec, 0, sizeof rec);
        rec.more = 1;
        snprintf(rec.name, sizeof rec.name, "%s", de->d_name);
        if (write(job->ix->pipe_wr, &rec, sizeof rec) != (ssize_t)sizeof rec) // expect-related: CL004 {{'scan_main' blocks in 'write'}}
            break;                           /* blocks while the pipe is full */
    }
    memset(&rec, 0, sizeof rec);
    (void)!write(job->ix->pipe_wr, &rec, sizeof rec);   /* end marker */
    if (d != NULL)
        closedir(d);
    free(job);
    return NULL;
}

int index_dir(const struct indexer *ix, const char *dir, int timeout_ms,
              void (*add)(const char *name))
{
    struct scan_job *job = malloc(sizeof *job);
    struct pollfd pfd = { .fd = ix->pipe_rd, .events = POLLIN };
    struct record rec;
    pthread_t tid;
    if (job == NULL)
        return -1;
    job->ix = ix;
    snprintf(job->dir, sizeof job->dir, "%s", dir);
    if (pthread_create(&tid, NULL, scan_main, job) != 0) {
        free(job);
        return -1;
    }
    for (;;) {
        if (poll(&pfd, 1, timeout_ms) <= 0)
            return -1; // expect: CL004 {{which then blocks in 'write' once nobody reads the other end}}
        if (read(ix->pipe_rd, &rec, sizeof rec) != (ssize_t)sizeof rec || !rec.more) // expect-flow@-1: CL004 {{thread 'scan_main'}} {{blocks in 'write'}}
            break;
        add(rec.name);
    }
    pthread_join(tid, NULL);
    return 0;
}
