// expect-none
#include <stddef.h>
#include "client.h"

void client_set_on_sent(struct client *c, on_sent_fn fn)
{
    c->on_sent = fn;
}

void client_loop_once(struct client *c)
{
    if (c->on_sent != NULL)
        c->on_sent(c, 1);
}

static void *client_thread(void *arg)
{
    struct client *c = arg;
    for (;;)
        client_loop_once(c);
    return NULL;
}

int client_loop_start(struct client *c)
{
    return pthread_create(&c->thread, NULL, client_thread, c);
}

void options_parse(struct options *o, int argc, char **argv)
{
    if (argc > 1 && argv[1][0] == 'l')
        o->mode = MODE_LINE;
    else
        o->mode = MODE_FILE;
    o->repeat = argc;
}
