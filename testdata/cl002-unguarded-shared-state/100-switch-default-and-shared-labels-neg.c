/* CL002 negative: the worker's command matches no case and takes the
 * default alternative; the case that writes `level` has two labels, and
 * the case before it returns instead of breaking. Only main selects the
 * writing case, after joining.
 */
// class: constant-arguments
// expect-none
#include <pthread.h>
#include <stdio.h>

enum { CMD_RESET, CMD_SET, CMD_RAISE, CMD_PRINT };
static int level;

static int command(int cmd)
{
    switch (cmd) {
    case CMD_RESET:
        return 0;
    case CMD_SET:
    case CMD_RAISE:
        level++;
        break;
    default:
        puts("status");
        break;
    }
    return 1;
}

static void *worker(void *arg)
{
    for (int i = 0; i < 3; i++)
        command(CMD_PRINT);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    command(CMD_RESET);
    pthread_join(t, NULL);
    command(CMD_RAISE);
    printf("%d\n", level);
    return 0;
}
