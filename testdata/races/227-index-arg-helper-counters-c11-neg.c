/* Pattern: C11 threads counting words per thread. The start routine gets
 * its number as `(void *)(intptr_t)n` and hands it, as an int, to a
 * helper that adds into `counts[slot]` of a global array of structs.
 * Verdict: race-free. Every thread touches only its own element (the
 * index is its own spawn-loop value, passed on unchanged through one
 * helper); main reads the counts after joining them all.
 */
#include <stdint.h>
#include <stdio.h>
#include <threads.h>

// class: per-thread-index-arg
// expect-none

enum { NCOUNT = 3 };

static struct {
    unsigned long words;
    unsigned long lines;
} counts[NCOUNT];

static void tally(int slot, const char *text)
{
    counts[slot].words = 0;
    counts[slot].lines = 0;
    for (const char *p = text; *p; p++) {
        if (*p == ' ')
            counts[slot].words++;
        if (*p == '\n')
            counts[slot].lines++;
    }
}

static int counter_main(void *arg)
{
    int n = (int)(intptr_t)arg;
    tally(n, "one two\nthree\n");
    return 0;
}

int main(void)
{
    thrd_t t[NCOUNT];
    for (int n = 0; n < NCOUNT; n++)
        thrd_create(&t[n], counter_main, (void *)(intptr_t)n);
    unsigned long total = 0;
    for (int n = 0; n < NCOUNT; n++) {
        thrd_join(t[n], NULL);
        total += counts[n].words;
    }
    printf("%lu\n", total);
    return 0;
}
