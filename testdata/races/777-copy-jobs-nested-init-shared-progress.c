/* Pattern: a file copier runs a reader and a writer thread, each with a
 * task struct whose nested `progress` sub-struct is initialized in a
 * nested initializer list with a pointer to one shared byte counter; both
 * threads add to it without a lock.
 * Verdict: racy. Both tasks' `progress.bytes` point to `copied`.
 */
// class: arg-struct-pointers
#include <pthread.h>
#include <stdio.h>

struct progress {
    const char *label;
    long *bytes;
};

struct task {
    int fd;
    struct progress progress;
};

static void *io_thread(void *arg)
{
    struct task *t = arg;
    for (int i = 0; i < 16; i++)
        *t->progress.bytes += 4096; // expect: CL002
    return NULL;
}

int main(void)
{
    long copied = 0;
    struct task rd = { 3, { "read", &copied } };
    struct task wr = { 4, { "write", &copied } };
    pthread_t a, b;
    pthread_create(&a, NULL, io_thread, &rd);
    pthread_create(&b, NULL, io_thread, &wr);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld\n", copied);
    return 0;
}
