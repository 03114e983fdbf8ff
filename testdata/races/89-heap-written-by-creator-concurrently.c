/* Pattern: heap object shared between the creator and a thread while both
 * run.
 * Verdict: racy. main hands `b` to the checksum thread and then keeps
 * filling b->data. The worker reads b->data with no lock; main's writes
 * hold none either, so the worker's read carries the expectation.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct buf { size_t len; unsigned char data[256]; unsigned sum; };

static void *checksum(void *arg)
{
    struct buf *b = arg;
    unsigned s = 0;
    for (size_t i = 0; i < b->len; i++)
        s = s * 31 + b->data[i]; // expect: CL002
    b->sum = s;
    return NULL;
}

int main(void)
{
    struct buf *b = calloc(1, sizeof *b);
    if (!b)
        return 1;
    b->len = sizeof b->data;
    pthread_t t;
    pthread_create(&t, NULL, checksum, b);
    for (size_t i = 0; i < b->len; i++)
        b->data[i] = (unsigned char)i;
    pthread_join(t, NULL);
    printf("%u\n", b->sum);
    free(b);
    return 0;
}
