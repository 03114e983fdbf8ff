/* The other modules of 682 and main(), which starts and stops every module
 * through the registry. */
// expect-none
#include <stdio.h>

#include "module.h"

static FILE *log_out;

static int log_start(void)
{
    log_out = stderr;
    return 0;
}

static void log_stop(void)
{
    fflush(log_out);
}

static int http_port;

static int http_start(void)
{
    http_port = 8080;
    return 0;
}

static void http_stop(void)
{
    http_port = 0;
}

const struct module log_module = { "log", log_start, log_stop };
const struct module http_module = { "http", http_start, http_stop };

static const struct module *const registry[] = { &log_module, &stats_module, &http_module };

int main(void)
{
    size_t n = sizeof registry / sizeof registry[0];
    for (size_t i = 0; i < n; i++)
        if (registry[i]->start() != 0)
            fprintf(stderr, "module %s failed\n", registry[i]->name);
    for (size_t i = n; i-- > 0;)
        registry[i]->stop();
    return 0;
}
