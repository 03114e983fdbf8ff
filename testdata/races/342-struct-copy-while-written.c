/* Pattern: the worker takes a snapshot of a global settings struct by
 * struct assignment (`struct settings s = current;`) while main updates a
 * field of it.
 * Verdict: racy: the struct copy reads every field, including the one
 * main writes, with no lock on either side.
 */
#include <pthread.h>
#include <stdio.h>

// class: struct-copies

struct settings {
    int level;
    int verbose;
};

static struct settings current = { 1, 0 };

static void *reporter(void *arg)
{
    struct settings s = current; // expect: CL002 {{read of 'current'}}
    printf("%d %d\n", s.level, s.verbose);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reporter, NULL);
    current.verbose = 1; // expect-related: CL002
    pthread_join(t, NULL);
    return 0;
}
