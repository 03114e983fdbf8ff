/* CL014 positive, from shared case 17 (davidmoreno/onion PR #158,
 * ithewei/libhv PR #835, clicon/clixon PR #205): every worker logs
 * through log_line(), which calls localtime(); its result lives in one
 * static struct tm, so concurrent callers overwrite each other's time. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static void log_line(const char *msg)
{
    char stamp[32] = "";
    time_t now = time(NULL);
    struct tm *tm = localtime(&now); // expect: CL014 {{'localtime' is not thread-safe (it uses the static 'struct tm' and time string)}} {{use 'localtime_r'}}
    // expect-flow@-1: CL014 {{thread 'request_worker'}} {{calls 'log_line'}}
    if (tm != NULL)
        strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", tm);
    fprintf(stderr, "[%s] %s\n", stamp, msg);
}

static void *request_worker(void *arg)
{
    const char *name = arg;
    for (int i = 0; i < 100; i++)
        log_line(name);
    return NULL;
}

int main(void)
{
    static const char *names[4] = { "w0", "w1", "w2", "w3" };
    pthread_t tids[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&tids[i], NULL, request_worker, (void *)names[i]); // expect-related: CL014 {{thread 'request_worker' started here}}
    for (int i = 0; i < 4; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
