/* Pattern: a copier's task structs are initialized with a pointer to a
 * progress counter that main resets and fills in before starting the one
 * reporting thread, and reads again only after joining it; the thread
 * only reads the counter.
 * Verdict: race-free. Main's writes precede the spawn and its later read
 * follows the join; the thread never writes.
 */
// expect-none
// class: arg-struct-pointers
#include <pthread.h>
#include <stdio.h>

struct progress {
    const char *label;
    long *bytes;
};

static void *reporter(void *arg)
{
    const struct progress *p = arg;
    printf("%s: %ld bytes\n", p->label, *p->bytes);
    return NULL;
}

int main(void)
{
    long copied = 0;
    struct progress pr = { "copy", &copied };
    pthread_t t;
    copied = 8192;
    pthread_create(&t, NULL, reporter, &pr);
    pthread_join(t, NULL);
    copied += 1;
    printf("%ld\n", copied);
    return 0;
}
