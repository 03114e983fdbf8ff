/* Pattern: the writer pool of 222, but the completion guard tests another
 * field of the struct (`io.pending == 0`) next to the shutdown flag, not
 * the operation the writers run under.
 * Verdict: racy. Nothing rules the branch out in a writer: the writers
 * and main add to `completed` without a lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: mode-conjuncts

enum { IO_NONE, IO_WRITE };
enum { NWRITER = 4 };

static struct {
    int op;
    int pending;
} io;
static int shutting_down;
static long completed;

static void finish(int n)
{
    if (!shutting_down && io.pending == 0 && n > 0)
        completed += n; // expect: CL002
}

static void flush_buffer(int n)
{
    finish(n);
}

static void *writer_main(void *arg)
{
    int n = (int)(long)arg;
    if (io.op == IO_WRITE)
        flush_buffer(n);
    return NULL;
}

int main(void)
{
    pthread_t t[NWRITER];
    io.op = IO_WRITE;
    for (long i = 0; i < NWRITER; i++)
        pthread_create(&t[i], NULL, writer_main, (void *)(i + 1));
    flush_buffer(1);
    for (int i = 0; i < NWRITER; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", completed);
    return 0;
}
