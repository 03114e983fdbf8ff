/* Pattern: the start routine is chosen by a conditional in the
 * pthread_create call (`argc > 1 ? dump_json : dump_text`); either one
 * fills a global report buffer, and main prints it after the join.
 * Verdict: race-free. One thread, whichever routine it runs, joined before
 * main reads the buffer.
 */
// class: conditional-start-routine
// expect-none
#include <pthread.h>
#include <stdio.h>

static char report[128];

static void *dump_text(void *arg)
{
    snprintf(report, sizeof report, "count=%d", 3);
    return arg;
}

static void *dump_json(void *arg)
{
    snprintf(report, sizeof report, "{\"count\":%d}", 3);
    return arg;
}

int main(int argc, char **argv)
{
    (void)argv;
    pthread_t t;
    if (pthread_create(&t, NULL, argc > 1 ? dump_json : dump_text, NULL) != 0)
        return 1;
    pthread_join(t, NULL);
    puts(report);
    return 0;
}
