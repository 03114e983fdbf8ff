/* CL003 positive: at startup a loader thread warms the cache from the last
 * dump file; main() sleeps two seconds "to let the warm-up finish", reads
 * how many entries were loaded and starts serving, never joining the
 * loader. Every access is under warm_lock (no data race): the bug is that
 * the sleep stands in for pthread_join().
 * From shared case 43 (true bug).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define WARM_MAX 4096

int serve_requests(void);                    /* server.c */

static pthread_mutex_t warm_lock = PTHREAD_MUTEX_INITIALIZER;
static char warm_keys[WARM_MAX][64];         /* guarded by warm_lock */
static unsigned warm_count;                  /* guarded by warm_lock */

static void *load_dump(void *arg)
{
    FILE *f = fopen(arg, "r");
    char line[64];
    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        pthread_mutex_lock(&warm_lock);
        if (warm_count < WARM_MAX)
            memcpy(warm_keys[warm_count++], line, sizeof line);
        pthread_mutex_unlock(&warm_lock);
    }
    if (f != NULL)
        fclose(f);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t loader;
    const char *dump = argc > 1 ? argv[1] : "cache.dump";
    if (pthread_create(&loader, NULL, load_dump, (void *)dump) != 0) // expect-related: CL003 {{thread 'load_dump' started here}}
        return 1;
    sleep(2); // expect: CL003 {{'sleep' waits for thread 'load_dump' by time}}
    pthread_mutex_lock(&warm_lock);
    unsigned loaded = warm_count; // expect-related: CL003 {{'warm_count' read here after the sleep}}
    pthread_mutex_unlock(&warm_lock);
    fprintf(stderr, "cache warm: %u entries\n", loaded);
    return serve_requests();
}
