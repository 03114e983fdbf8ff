/* Pattern: a logging library lets the application register its output
 * sink (log_set_sink() keeps it in the logger); the flusher thread calls
 * the logger's sink for every line while the main thread also counts the
 * lines it writes itself.
 * Verdict: racy. The application's sink counts lines in a global with no
 * lock; main writes the same counter.
 */
// class: function-pointers
#include <pthread.h>
#include <stdio.h>

typedef void (*log_sink_fn)(const char *line);

struct logger {
    log_sink_fn sink;
    int level;
};

static struct logger g_log;
static unsigned long lines_out;

static void log_set_sink(struct logger *lg, log_sink_fn fn)
{
    lg->sink = fn;
}

static void app_sink(const char *line)
{
    fputs(line, stderr);
    lines_out++; // expect: CL002
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
    lines_out = 0;
    pthread_join(t, NULL);
    return (int)lines_out;
}
