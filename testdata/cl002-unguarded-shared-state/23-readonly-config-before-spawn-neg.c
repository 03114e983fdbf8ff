/* CL002 negative: a static file server. main() fills the global `opts` and
 * builds the heap table `mime_types` points to before the first
 * pthread_create(); workers only read them; after joining every worker
 * main() frees the table. Every write is ordered by create/join.
 * From shared case 41 (false-positive trap).
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NWORKERS 4

struct mime { const char *ext, *type; };

static struct { const char *docroot; unsigned port; unsigned max_body; } opts;
static struct mime *mime_types;
static size_t mime_count;

int next_request(unsigned port, char *path, size_t cap);  /* net.c */
void reply_file(const char *root, const char *path, const char *type, unsigned max);

static void load_mime_table(void)
{
    static const struct mime builtin[] = {
        { ".html", "text/html" }, { ".css", "text/css" }, { ".png", "image/png" },
    };
    mime_types = malloc(sizeof builtin);
    if (mime_types == NULL)
        exit(1);
    memcpy(mime_types, builtin, sizeof builtin);
    mime_count = sizeof builtin / sizeof builtin[0];
}

static const char *mime_for(const char *path)
{
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot != NULL && i < mime_count; i++)
        if (strcmp(mime_types[i].ext, dot) == 0)
            return mime_types[i].type;
    return "application/octet-stream";
}

static void *worker_main(void *arg)
{
    char path[256];
    (void)arg;
    while (next_request(opts.port, path, sizeof path) == 0)
        reply_file(opts.docroot, path, mime_for(path), opts.max_body);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t workers[NWORKERS];
    opts.docroot = argc > 1 ? argv[1] : "www";
    opts.port = argc > 2 ? (unsigned)atoi(argv[2]) : 8080;
    opts.max_body = 1u << 20;
    load_mime_table();
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, worker_main, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    free(mime_types);
    mime_types = NULL;
    mime_count = 0;
    return 0;
}
