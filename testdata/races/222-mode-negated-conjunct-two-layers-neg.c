/* Pattern: a writer pool whose shared completion path is two helper
 * layers below the thread's test of the I/O operation, and whose guard is
 * a chain of conjuncts, one negated: `!shutting_down && io.op == IO_NONE
 * && n > 0`.
 * Verdict: race-free. The writers run with `io.op == IO_WRITE` (tested in
 * the start routine), so the chain fails on its middle conjunct there;
 * `completed` is only updated by main.
 */
#include <pthread.h>
#include <stdio.h>

// class: mode-conjuncts
// expect-none

enum { IO_NONE, IO_WRITE };
enum { NWRITER = 4 };

static struct {
    int op;
} io;
static int shutting_down;
static long completed;

static void finish(int n)
{
    if (!shutting_down && io.op == IO_NONE && n > 0)
        completed += n;
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
