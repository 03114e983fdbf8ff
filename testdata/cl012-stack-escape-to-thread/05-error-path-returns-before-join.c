/* CL012 positive: the settings live on the loader's stack; on the error
 * path the function returns while the watcher thread still reads them. */
#include <pthread.h>
#include <stdio.h>

struct settings {
    int interval;
    const char *path;
};

static void *watch_main(void *arg)
{
    const struct settings *s = arg;
    printf("watching %s every %d s\n", s->path, s->interval);
    return NULL;
}

static int open_index(const char *path)
{
    return path[0] == '/' ? 0 : -1;
}

int load_and_watch(const char *path);
int load_and_watch(const char *path)
{
    struct settings s = { 5, path };
    pthread_t watcher;
    if (pthread_create(&watcher, NULL, watch_main, &s) != 0) // expect: CL011 CL012 {{that returns}}
        return -1;
    if (open_index(path) != 0)
        return -1; // expect-related: CL012
    pthread_join(watcher, NULL);
    return 0;
}
