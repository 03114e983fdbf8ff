/* CL004 positive: the handle lives in a struct in the caller's frame
 * (`w.tid`), the result in another field of it. The wait is a
 * pthread_timedjoin_np() whose result goes through a local; the early
 * `return` on failure leaves the thumbnail worker running, and it writes
 * `w->pixels` into the dead frame. Only the success path is joined.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <time.h>

int decode_png(const char *path, unsigned char *px, int cap);   /* png.c */

struct decode_work {
    pthread_t tid;
    const char *path;
    int npx;
    unsigned char pixels[4096];
};

static void *decode_main(void *arg)
{
    struct decode_work *w = arg;
    unsigned char tmp[4096];
    int n = decode_png(w->path, tmp, (int)sizeof tmp);
    for (int i = 0; i < n; i++)
        w->pixels[i] = tmp[i];
    w->npx = n;
    return NULL;
}

int preview(const char *path, unsigned char *dst, int timeout_ms)
{
    struct decode_work w = { .path = path };
    struct timespec deadline;
    if (pthread_create(&w.tid, NULL, decode_main, &w) != 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += (long)timeout_ms * 1000000L;
    int rc = pthread_timedjoin_np(w.tid, NULL, &deadline);
    if (rc != 0)
        return -1; // expect: CL004
    for (int i = 0; i < w.npx; i++)
        dst[i] = w.pixels[i];
    return w.npx;
}
