/* CL014 two-file case: the logger stamps lines with localtime() (in this
 * file); server.c calls it from every worker and from the maintenance
 * thread, which also prints a UTC banner with gmtime(). */
#include <stdio.h>
#include <time.h>

#include "log.h"

void log_info(const char *what)
{
    time_t now = time(NULL);
    struct tm *tm = localtime(&now); // expect: CL014 {{'localtime' is not thread-safe}}
    // expect-flow@-1: CL014 {{calls 'log_info'}}
    printf("%02d:%02d:%02d %s\n", tm->tm_hour, tm->tm_min, tm->tm_sec, what);
}

void log_utc_banner(void)
{
    time_t now = time(NULL);
    printf("utc %s", asctime(gmtime(&now))); // expect: CL014 {{while 'localtime'}}
}
