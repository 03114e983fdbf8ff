/* Pattern: a logging library keeps the application's sink, registered
 * with log_set_sink(); the flusher thread calls it for every line while
 * main counts its own lines into the same counter.
 * Verdict: race-free. The counter is _Atomic; the sink writes nothing
 * else that main touches.
 */
// class: function-pointers
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

typedef void (*log_sink_fn)(const char *line);

struct logger {
    log_sink_fn sink;
    int level;
};

static struct logger g_log;
static _Atomic unsigned long lines_out;

static void log_set_sink(struct logger *lg, log_sink_fn fn)
{
    lg->sink = fn;
}

static void app_sink(const char *line)
{
    fputs(line, stderr);
    atomic_fetch_add(&lines_out, 1);
}

static void *flusher(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++)
        g_log.sink("tick\n");
    return NULL;
}

int main(void)
{
    pthread_t t;
    log_set_sink(&g_log, app_sink);
    pthread_create(&t, NULL, flusher, NULL);
    atomic_store(&lines_out, 0);
    pthread_join(t, NULL);
    return (int)atomic_load(&lines_out);
}
