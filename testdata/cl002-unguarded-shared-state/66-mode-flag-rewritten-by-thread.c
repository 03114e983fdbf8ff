/* Pattern: the mode flag of 64, but the worker itself switches the mode
 * back to OP_IDLE before calling the handler: the handler's test is no
 * longer decided by the earlier one, and the worker runs the command.
 * Verdict: racy: the tests and the write of the plain `io_op`, and
 * `commands_run++`, which runs in the workers (started in a loop)
 * and in the main thread without a lock. The worker's unlocked write of
 * `io_op` is what the tests race with: one finding, the tests as related
 * locations.
 */
#include <pthread.h>
#include <stdio.h>

enum { OP_IDLE, OP_READ };
enum { NT = 3 };
static int io_op;
static long commands_run;

static void run_command(void)
{
    commands_run++; // expect: CL002
}

static void handle_input(void)
{
    if (io_op != OP_IDLE) // expect-related: CL002 {{conflicting read of 'io_op' in 'handle_input'}}
        return;
    run_command();
}

static void *io_main(void *arg)
{
    (void)arg;
    if (io_op == OP_READ) { // expect-related: CL002 {{conflicting read of 'io_op' in 'io_main'}}
        io_op = OP_IDLE; // expect: CL002
        handle_input();
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    io_op = OP_READ;
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, io_main, NULL);
    handle_input();
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", commands_run);
    return 0;
}
