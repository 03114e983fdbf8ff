/* Pattern: a checksum tool splits a buffer into two jobs described by
 * local structs with designated initializers, each pointing `.out` at
 * its own accumulator; main adds the two after joining both workers.
 * Verdict: race-free. The descriptors point to different accumulators,
 * and main reads them only after the joins.
 */
// expect-none
// class: arg-struct-pointers
#include <pthread.h>
#include <stdio.h>

struct job {
    const unsigned char *buf;
    size_t len;
    unsigned long *out;
};

static void *checksum(void *arg)
{
    const struct job *j = arg;
    unsigned long *acc = j->out;
    for (size_t i = 0; i < j->len; i++)
        *acc += j->buf[i];
    return NULL;
}

int main(void)
{
    static const unsigned char data[64] = { 1, 2, 3 };
    unsigned long sum_lo = 0, sum_hi = 0;
    struct job lo = { .buf = data, .len = 32, .out = &sum_lo };
    struct job hi = { .buf = data + 32, .len = 32, .out = &sum_hi };
    pthread_t a, b;
    pthread_create(&a, NULL, checksum, &lo);
    pthread_create(&b, NULL, checksum, &hi);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu\n", sum_lo + sum_hi);
    return 0;
}
