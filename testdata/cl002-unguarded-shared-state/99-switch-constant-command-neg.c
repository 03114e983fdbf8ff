/* CL002 negative: one function serves several commands through a switch
 * on its parameter, as option parsers do (stunnel's
 * parse_service_option(CMD_FREE, ...)). The worker calls it only with
 * OP_FREE, whose case touches nothing shared; only main, before and
 * after the worker, runs the OP_INIT case that writes `configured`.
 */
// class: constant-arguments
// expect-none
#include <pthread.h>
#include <stdlib.h>

enum { OP_INIT, OP_FREE };
static int configured;

static void op(int cmd, char **buf)
{
    switch (cmd) {
    case OP_INIT:
        configured = 1;
        break;
    case OP_FREE:
        free(*buf);
        *buf = NULL;
        break;
    }
}

static void *worker(void *arg)
{
    char *mine = malloc(8);
    op(OP_FREE, &mine);
    return arg;
}

int main(void)
{
    char *b = NULL;
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    op(OP_INIT, &b);
    pthread_join(t, NULL);
    return 0;
}
