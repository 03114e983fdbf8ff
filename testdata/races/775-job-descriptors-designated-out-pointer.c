/* Pattern: a checksum tool splits a buffer into two jobs described by
 * local structs with designated initializers; both descriptors point
 * their `.out` member at the same accumulator in main's frame, and each
 * worker adds into `*out` without a lock.
 * Verdict: racy. Two threads update the one accumulator both descriptors
 * point to.
 */
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
        *acc += j->buf[i]; // expect: CL002
    return NULL;
}

int main(void)
{
    static const unsigned char data[64] = { 1, 2, 3 };
    unsigned long sum = 0;
    struct job lo = { .buf = data, .len = 32, .out = &sum };
    struct job hi = { .buf = data + 32, .len = 32, .out = &sum };
    pthread_t a, b;
    pthread_create(&a, NULL, checksum, &lo);
    pthread_create(&b, NULL, checksum, &hi);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu\n", sum);
    return 0;
}
