/* Pattern: a worker that tests one flag (`io_op == OP_READ`) and then
 * calls a handler guarded by a different flag (`if (paused) return;`):
 * the first test says nothing about the second, so the handler's write
 * runs in the workers as well as in the main thread.
 * Verdict: racy: `bytes_read += n` in handle_input without a lock.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

enum { OP_IDLE, OP_READ };
static _Atomic int io_op, paused;
static long bytes_read;

static void handle_input(long n)
{
    if (paused)
        return;
    bytes_read += n; // expect: CL002
}

static void *io_main(void *arg)
{
    if (io_op == OP_READ)
        handle_input((long)arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    io_op = OP_READ;
    pthread_create(&t, NULL, io_main, (void *)16L);
    handle_input(8);
    pthread_join(t, NULL);
    printf("%ld\n", bytes_read);
    return 0;
}
