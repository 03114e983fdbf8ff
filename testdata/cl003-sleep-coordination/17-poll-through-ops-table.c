/* CL003 positive, the polled state read through a function-pointer table:
 * the storage backend is picked by index from a table of "is it loaded"
 * checks (as pluggable backends are in caches and brokers), and start-up
 * polls is_loaded[backend]() with nanosleep() while the loader thread
 * fills the store. The read happens in the callee the table names.
 */
#include <pthread.h>
#include <time.h>

static pthread_mutex_t mem_lock = PTHREAD_MUTEX_INITIALIZER;
static int mem_loaded;                   /* guarded by mem_lock */
static int disk_loaded;                  /* guarded by mem_lock */

void read_snapshot(const char *path);    /* snapshot.c */

static int mem_is_loaded(void)
{
    pthread_mutex_lock(&mem_lock);
    int l = mem_loaded;
    pthread_mutex_unlock(&mem_lock);
    return l;
}

static int disk_is_loaded(void)
{
    pthread_mutex_lock(&mem_lock);
    int l = disk_loaded;
    pthread_mutex_unlock(&mem_lock);
    return l;
}

static int (*const is_loaded[])(void) = { mem_is_loaded, disk_is_loaded };

static void *loader_main(void *arg)
{
    read_snapshot(arg);
    pthread_mutex_lock(&mem_lock);
    mem_loaded = 1;
    pthread_mutex_unlock(&mem_lock);
    return NULL;
}

int main(int argc, char **argv)
{
    const struct timespec tick = { 0, 20 * 1000 * 1000 };
    int backend = argc > 2;
    pthread_t loader;
    if (argc < 2 || pthread_create(&loader, NULL, loader_main, argv[1]) != 0)
        return 1;
    while (!is_loaded[backend]())
        nanosleep(&tick, NULL); // expect: CL003
    return pthread_join(loader, NULL);
}
