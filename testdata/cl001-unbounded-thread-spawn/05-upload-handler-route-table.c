/* CL001 positive: a handler registered in a route table (a function pointer
 * in a table) starts a detached thread per request.
 * From shared case 31 (true bug): a small HTTP server's route table
 * registers on_upload() for POST /upload; every call starts a detached
 * compression thread and answers 202, so a burst of uploads is a burst of
 * threads. Each thread owns its heap job: no race, no sleep, no timed wait.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct request {
    const char *path;
    const char *body;
    size_t body_len;
    unsigned long id;
};

typedef int (*route_fn)(struct request *req);

struct upload_job {
    unsigned long id;
    size_t len;
    char data[];
};

static void *compress_upload(void *arg)
{
    struct upload_job *job = arg;
    char name[64];
    snprintf(name, sizeof name, "spool/%lu.rle", job->id);
    FILE *out = fopen(name, "wb");
    for (size_t i = 0; out != NULL && i < job->len;) {
        size_t run = 1;
        while (i + run < job->len && run < 255 && job->data[i + run] == job->data[i])
            run++;
        fputc((int)run, out);
        fputc(job->data[i], out);
        i += run;
    }
    if (out != NULL)
        fclose(out);
    free(job);
    return NULL;
}

static int on_upload(struct request *req)
{
    struct upload_job *job = malloc(sizeof *job + req->body_len);
    pthread_attr_t attr;
    pthread_t tid;
    if (job == NULL)
        return 503;
    job->id = req->id;
    job->len = req->body_len;
    memcpy(job->data, req->body, req->body_len);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&tid, &attr, compress_upload, job); // expect: CL001
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        free(job);
        return 503;
    }
    return 202;                  /* compression goes on in the background */
}

static const struct route {
    const char *path;
    route_fn fn;
} routes[] = {
    { "/upload", on_upload },
};

int dispatch_request(struct request *req)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (strcmp(routes[i].path, req->path) == 0)
            return routes[i].fn(req);
    return 404;
}
