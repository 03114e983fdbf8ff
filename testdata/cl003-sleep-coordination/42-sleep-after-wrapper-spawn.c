/* CL003 positive (spawn wrapper over thrd_create): the index loader is
 * started through start_task(), which passes its function-pointer
 * parameter on to thrd_create; the creator then sleeps half a second
 * instead of joining and reads what the loader wrote. Only a model that
 * resolves the wrapper has the loader thread, and so the sleep that stands
 * in for a join.
 */
#include <stdio.h>
#include <threads.h>
#include <time.h>

static mtx_t index_lock;
static int index_ready;          /* guarded by index_lock */
static long index_entries;       /* guarded by index_lock */

static int start_task(thrd_t *t, thrd_start_t fn, void *arg)
{
    return thrd_create(t, fn, arg) == thrd_success ? 0 : -1;
}

static int load_index(void *arg)
{
    const char *path = arg;
    long n = 0;
    FILE *f = fopen(path, "r");
    for (int c; f != NULL && (c = fgetc(f)) != EOF;)
        n += c == '\n';
    if (f != NULL)
        fclose(f);
    mtx_lock(&index_lock);
    index_entries = n;
    index_ready = 1;
    mtx_unlock(&index_lock);
    return 0;
}

int main(int argc, char **argv)
{
    thrd_t loader;
    mtx_init(&index_lock, mtx_plain);
    if (start_task(&loader, load_index, argc > 1 ? argv[1] : "index.txt") != 0)
        return 1;
    struct timespec half = { 0, 500 * 1000 * 1000 };
    thrd_sleep(&half, NULL); // expect: CL003
    mtx_lock(&index_lock);
    int ok = index_ready;
    long n = index_entries;
    mtx_unlock(&index_lock);
    printf("%s: %ld entries\n", ok ? "ready" : "not ready", n);
    return ok ? 0 : 1;
}
