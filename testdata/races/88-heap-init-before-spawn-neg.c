/* Pattern: heap object initialized by the creator and handed to one
 * thread.
 * Verdict: race-free. main allocates and fills the buffer before
 * pthread_create; only the worker touches it while it runs; main reads the
 * checksum after pthread_join and frees it.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct buf { size_t len; unsigned char data[256]; unsigned sum; };

static void *checksum(void *arg)
{
    struct buf *b = arg;
    unsigned s = 0;
    for (size_t i = 0; i < b->len; i++)
        s = s * 31 + b->data[i];
    b->sum = s;
    return NULL;
}

int main(void)
{
    struct buf *b = malloc(sizeof *b);
    if (!b)
        return 1;
    b->len = sizeof b->data;
    for (size_t i = 0; i < b->len; i++)
        b->data[i] = (unsigned char)i;
    pthread_t t;
    pthread_create(&t, NULL, checksum, b);
    pthread_join(t, NULL);
    printf("%u\n", b->sum);
    free(b);
    return 0;
}
