/* CL014 negative, from shared case 18 (goblint/analyzer issue #1260:
 * thread-unsafe library calls should not be reported in single-threaded
 * mode; clang-tidy's concurrency-mt-unsafe flags them regardless of
 * context): strtok(), localtime() and getenv() run in main() before the
 * first pthread_create or after every worker is joined; the workers use
 * strtok_r() and localtime_r(). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// expect-none

static char routes[4][32];

static void *route_worker(void *arg)
{
    char line[64], *save = NULL;
    snprintf(line, sizeof line, "%s:80:tcp", (const char *)arg);
    for (char *tok = strtok_r(line, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
        (void)tok;
    struct tm tm_buf;
    time_t now = time(NULL);
    localtime_r(&now, &tm_buf);
    return NULL;
}

int main(void)
{
    char spec[] = "alpha,beta,gamma,delta";
    const char *prefix = getenv("ROUTE_PREFIX");
    int n = 0;
    for (char *tok = strtok(spec, ","); tok && n < 4; tok = strtok(NULL, ","))
        snprintf(routes[n++], sizeof routes[0], "%s%s", prefix ? prefix : "", tok);
    time_t started = time(NULL);
    struct tm *st = localtime(&started);
    int start_hour = st ? st->tm_hour : -1;

    pthread_t tids[4];
    for (int i = 0; i < n; i++)
        pthread_create(&tids[i], NULL, route_worker, routes[i]);
    for (int i = 0; i < n; i++)
        pthread_join(tids[i], NULL);

    time_t ended = time(NULL);
    struct tm *en = localtime(&ended);
    printf("%d -> %d\n", start_hour, en ? en->tm_hour : -1);
    return 0;
}
