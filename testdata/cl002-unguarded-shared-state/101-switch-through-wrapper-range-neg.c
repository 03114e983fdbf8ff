/* CL002 negative: the command reaches the switch through a wrapper that
 * passes its own constant on (service_free -> parse_option(CMD_FREE)),
 * the cases are GNU ranges, and the case before the worker's falls
 * through into a later one, not into the worker's. The threads only run
 * the freeing case, on their own section.
 */
// class: constant-arguments
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct section { char *name; };
static struct section defaults;
static int nsections;

static void parse_option(int cmd, struct section *s)
{
    switch (cmd) {
    case 0 ... 1:
        nsections++;
        /* fall through */
    case 2:
        defaults.name = "default";
        break;
    case 3 ... 5:
        free(s->name);
        s->name = NULL;
        break;
    }
}

static void section_free(struct section *s)
{
    parse_option(4, s);
}

static void *client(void *arg)
{
    struct section *s = arg;
    section_free(s);
    free(s);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    parse_option(0, &defaults);
    for (int i = 0; i < 2; i++) {
        struct section *s = calloc(1, sizeof *s);
        pthread_create(&t[i], NULL, client, s);
    }
    parse_option(1, &defaults);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
