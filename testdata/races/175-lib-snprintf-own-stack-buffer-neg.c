/* Pattern: every thread formats into its own stack buffer.
 * Verdict: race-free. Each worker snprintf-s (also at `dst + used`),
 * sprintf-s and memset-s buffers in its own frame (through a helper, too)
 * and writes them out; the only shared data, `lines`, is updated under
 * out_lock.
 */
// class: library-accesses
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static long lines;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

static void format_line(char *dst, size_t cap, int id, int n)
{
    snprintf(dst, cap, "worker %d: item %d", id, n);
    size_t used = strlen(dst);
    snprintf(dst + used, cap - used, "%s", "\n");
}

static void *worker(void *arg)
{
    int id = *(const int *)arg;
    char line[64];
    struct { char tag[8]; int n; } rec;
    for (int n = 0; n < 10; n++) {
        memset(&rec, 0, sizeof rec);
        format_line(line, sizeof line, id, n);
        sprintf(rec.tag, "w%d", id % 10);
        if (write(1, line, strlen(line)) < 0)
            return NULL;
        pthread_mutex_lock(&out_lock);
        lines++;
        pthread_mutex_unlock(&out_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    int ids[4];
    for (int i = 0; i < 4; i++) {
        ids[i] = i;
        pthread_create(&t[i], NULL, worker, &ids[i]);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", lines);
    return 0;
}
