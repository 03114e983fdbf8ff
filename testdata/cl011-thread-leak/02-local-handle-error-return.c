/* CL011 positive: a helper thread with its handle in a local; the
 * validation error path returns without joining it. */
#include <pthread.h>
#include <stdlib.h>

struct scan { const char *dir; long files; };

static void *scan_main(void *arg)
{
    struct scan *s = arg;
    s->files = 1;
    return NULL;
}

long count_files(const char *dir, int depth);
long count_files(const char *dir, int depth)
{
    struct scan *s = malloc(sizeof *s);
    pthread_t t;
    if (s == NULL)
        return -1;
    s->dir = dir;
    s->files = 0;
    if (pthread_create(&t, NULL, scan_main, s) != 0) { // expect: CL011 {{when 'count_files' returns}}
        free(s);
        return -1;
    }
    if (depth > 16)
        return -1; // expect-related: CL011
    pthread_join(t, NULL);
    long n = s->files;
    free(s);
    return n;
}
