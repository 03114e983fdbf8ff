/* CL003 negative: sleep with no thread involved. A single-threaded
 * uploader paces its requests with nanosleep() to respect the server's rate
 * limit.
 */
// expect-none
#include <stdio.h>
#include <time.h>

int upload_chunk(const char *buf, size_t len);   /* http.c */

int upload_file(FILE *f, unsigned max_per_sec)
{
    char buf[8192];
    size_t n;
    struct timespec gap = { 0, max_per_sec ? 1000000000L / (long)max_per_sec : 0 };
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (upload_chunk(buf, n) != 0)
            return -1;
        nanosleep(&gap, NULL);
    }
    return ferror(f) ? -1 : 0;
}
