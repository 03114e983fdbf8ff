/* CL015 two-file case: the status reporter formats with snprintf and
 * prints with fputs (both unsafe in a handler); daemon.c calls it from a
 * SIGUSR1 handler. */
#include <stdio.h>

#include "report.h"

static long requests;

void report_status(const char *why)
{
    char line[128];
    snprintf(line, sizeof line, "%s: %ld requests\n", why, requests); // expect-related: CL015 {{'snprintf' called here}}
    fputs(line, stderr);
    requests++;
}
