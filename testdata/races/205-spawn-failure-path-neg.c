/* Pattern: a C11 thread whose creation may fail; on failure main does the
 * work itself, writing the shared result.
 * Verdict: race-free. Main writes `digest` only on the path where
 * thrd_create failed (no thread exists) and reads it after thrd_join on
 * the other path.
 */
// class: spawn-paths
// expect-none
#include <stdio.h>
#include <threads.h>

static unsigned digest;

static int hasher(void *arg)
{
    unsigned h = 5381;
    for (const char *p = arg; *p; p++)
        h = h * 33 + (unsigned char)*p;
    digest = h;
    return 0;
}

int main(void)
{
    static char text[] = "conc-lint";
    thrd_t t;
    if (thrd_create(&t, hasher, text) != thrd_success) {
        digest = 0;
        hasher(text);
    } else {
        thrd_join(t, NULL);
    }
    printf("%u\n", digest);
    return 0;
}
