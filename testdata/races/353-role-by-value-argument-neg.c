/* Pattern: one start routine, two threads, each told its role by value in
 * the argument (0 or 1); role 0 only updates `reads`, role 1 only
 * `writes`.
 * Verdict: race-free. Each counter is updated by exactly one thread; main
 * reads both after joining.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

// class: thread-id-by-value
// expect-none

static long reads, writes;

static void *io_role(void *arg)
{
    intptr_t role = (intptr_t)arg;
    for (int i = 0; i < 100; i++) {
        if (role == 0)
            reads++;
        else
            writes++;
    }
    return NULL;
}

int main(void)
{
    pthread_t r, w;
    pthread_create(&r, NULL, io_role, (void *)0);
    pthread_create(&w, NULL, io_role, (void *)1);
    pthread_join(r, NULL);
    pthread_join(w, NULL);
    printf("%ld %ld\n", reads, writes);
    return 0;
}
