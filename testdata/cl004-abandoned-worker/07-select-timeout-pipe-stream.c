/* CL004 positive: select() with a finite timeout. A thumbnailer thread
 * streams the encoded image into a pipe with blocking write()s; the caller
 * select()s on the read end with a timeval deadline and, when select()
 * returns 0, gives up and returns: the pipe is never drained again, so a
 * large image fills it and the thread blocks in write() forever.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/select.h>
#include <unistd.h>

struct thumb_job { int out_fd; const char *path; };

int encode_chunk(const char *path, size_t off, unsigned char *buf, size_t cap);  /* img.c */

static void *thumb_main(void *arg)
{
    struct thumb_job *job = arg;
    unsigned char chunk[4096];
    size_t off = 0;
    int n;
    while ((n = encode_chunk(job->path, off, chunk, sizeof chunk)) > 0) {
        if (write(job->out_fd, chunk, (size_t)n) != n)   /* blocks when full */
            break;
        off += (size_t)n;
    }
    close(job->out_fd);
    free(job);
    return NULL;
}

ssize_t make_thumbnail(const char *path, unsigned char *out, size_t cap, int timeout_s)
{
    int fds[2];
    pthread_t tid;
    size_t got = 0;
    struct thumb_job *job = malloc(sizeof *job);
    if (job == NULL || pipe(fds) != 0) {
        free(job);
        return -1;
    }
    job->out_fd = fds[1];
    job->path = path;
    if (pthread_create(&tid, NULL, thumb_main, job) != 0) {
        free(job);
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    for (;;) {
        fd_set rd;
        struct timeval tv = { timeout_s, 0 };
        FD_ZERO(&rd);
        FD_SET(fds[0], &rd);
        if (select(fds[0] + 1, &rd, NULL, NULL, &tv) == 0)
            return -1; // expect: CL004
        ssize_t n = read(fds[0], out + got, cap - got);
        if (n <= 0 || (got += (size_t)n) == cap)
            break;
    }
    close(fds[0]);
    pthread_join(tid, NULL);
    return (ssize_t)got;
}
