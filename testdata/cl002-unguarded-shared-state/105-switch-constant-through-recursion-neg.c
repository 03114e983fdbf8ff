/* CL002 negative: the freeing command reaches the option switch again
 * through a recursion (a section frees its sub-sections with the same
 * command), as stunnel's service_free -> parse_service_option(CMD_FREE)
 * -> sni_free -> service_free does. The inner call passes the same
 * constant, so it too runs only the freeing case; the case that reads
 * the configuration file (and writes `defaults`) runs on main only.
 */
// class: constant-arguments
// expect-none
#include <pthread.h>
#include <stdlib.h>

enum { CMD_DEFAULTS, CMD_FREE, CMD_VALUE };
struct section { struct section *sub; int ref; };
static struct section defaults;

static void section_free(struct section *s);

static void read_file(void)
{
    defaults.ref = 1;
}

static int option(int cmd, struct section *s)
{
    switch (cmd) {
    case CMD_DEFAULTS:
        s->sub = NULL;
        break;
    case CMD_FREE:
        section_free(s->sub);
        break;
    case CMD_VALUE:
        read_file();
        return 1;
    }
    return 0;
}

static void section_free(struct section *s)
{
    if (s != NULL && --s->ref == 0) {
        option(CMD_FREE, s);
        free(s);
    }
}

static void *client(void *arg)
{
    section_free(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct section *s = calloc(1, sizeof *s);
    s->ref = 1;
    option(CMD_DEFAULTS, s);
    pthread_create(&t, NULL, client, s);
    option(CMD_VALUE, &defaults);
    pthread_join(t, NULL);
    return 0;
}
