/* CL001 negative: a unit-test runner. Each test case is a function in a
 * global table; main() runs every case once, in a counting loop, through a
 * helper that receives the case's function as an untyped pointer (as
 * libevent's tinytest runner does with its legacy tests). A case that starts
 * a thread starts one per run of the test binary, not one per request: the
 * table is the program's own list of things to run once, not a handler
 * table a library calls per event, even though qsort is handed the table
 * (seen on libevent's and libuv's tests).
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct testcase {
    const char *name;
    int (*run)(void *data);
    void *data;
};

static int stop_requested;

static void *ticker(void *arg)
{
    (void)arg;
    return NULL;
}

static int test_ticker(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, ticker, NULL) != 0)
        return 1;
    return pthread_join(t, NULL);
}

static int test_detached_ticker(void)
{
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&t, &attr, ticker, NULL);
    pthread_attr_destroy(&attr);
    return rc;
}

static int run_legacy(void *data)
{
    int (*fn)(void) = (int (*)(void))data;
    return fn();
}

static int by_name(const void *a, const void *b)
{
    const struct testcase *x = a, *y = b;
    return strcmp(x->name, y->name);
}

static struct testcase cases[] = {
    { "ticker", run_legacy, (void *)test_ticker },
    { "detached", run_legacy, (void *)test_detached_ticker },
    { NULL, NULL, NULL },
};

int main(int argc, char **argv)
{
    int failed = 0;
    qsort(cases, 2, sizeof cases[0], by_name); /* a library call given the table */
    for (size_t i = 0; cases[i].name != NULL && !stop_requested; i++) {
        if (argc > 1 && strcmp(argv[1], cases[i].name) != 0)
            continue;
        int rc = cases[i].run(cases[i].data);
        printf("%s: %s\n", cases[i].name, rc ? "FAILED" : "ok");
        failed += rc != 0;
    }
    return failed != 0;
}
