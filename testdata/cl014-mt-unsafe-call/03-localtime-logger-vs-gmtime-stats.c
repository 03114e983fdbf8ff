/* CL014 positive: the request thread stamps its log with localtime()
 * while the stats thread formats UTC with gmtime(): both return the same
 * static struct tm, so each can print the other's broken-down time.
 * One finding at each call (each needs its own fix). */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static void log_request(const char *path)
{
    time_t now = time(NULL);
    struct tm *tm = localtime(&now); // expect: CL014 {{can run while 'gmtime'}}
    // expect-related@-1: CL014 {{'localtime' uses the same state here}}
    printf("%02d:%02d %s\n", tm->tm_hour, tm->tm_min, path);
}

static void *request_main(void *arg)
{
    log_request(arg);
    return NULL;
}

static void *stats_main(void *arg)
{
    (void)arg;
    time_t now = time(NULL);
    struct tm *utc = gmtime(&now); // expect: CL014 {{'gmtime' is not thread-safe}} {{can run while 'localtime'}} {{overwrites it}}
    printf("stats at %02d:%02dZ\n", utc->tm_hour, utc->tm_min);
    return NULL;
}

int main(void)
{
    pthread_t req, stats;
    pthread_create(&req, NULL, request_main, "/index.html");
    pthread_create(&stats, NULL, stats_main, NULL);
    pthread_join(req, NULL);
    pthread_join(stats, NULL);
    return 0;
}
