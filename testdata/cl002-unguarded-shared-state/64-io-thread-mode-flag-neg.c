/* Pattern: I/O threads and a mode flag. The main thread sets the atomic
 * `io_op` to OP_READ before handing work to the I/O threads (started in a
 * loop) and back to OP_IDLE after; an I/O thread only reads input when
 * `io_op == OP_READ`, and the shared input handler runs a command only when
 * `io_op == OP_IDLE` (in the main thread): `if (io_op != OP_IDLE) { mark
 * pending; return; }`. The test in the handler is decided by the test the
 * I/O thread made before calling it, so the I/O threads never reach
 * run_command.
 * Verdict: race-free: `commands_run` is only written by the main thread.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

enum { OP_IDLE, OP_READ, OP_WRITE };
enum { NT = 4 };
static _Atomic int io_op;
static _Atomic int pending[NT];
static long commands_run;

static void run_command(void)
{
    commands_run++; // expect-none
}

static void handle_input(int id)
{
    if (io_op != OP_IDLE) {
        atomic_store(&pending[id], 1);
        return;
    }
    run_command();
}

static void *io_main(void *arg)
{
    int id = (int)(long)arg;
    for (int round = 0; round < 100; round++) {
        if (io_op == OP_READ)
            handle_input(id);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    io_op = OP_READ;
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, io_main, (void *)i);
    handle_input(0);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    io_op = OP_IDLE;
    handle_input(0);
    printf("%ld\n", commands_run);
    return 0;
}
