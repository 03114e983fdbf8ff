// expect-none
#include <stdlib.h>
#include "client.h"

struct options opts;

static void on_sent(struct client *c, int id)
{
    (void)c;
    (void)id;
}

int main(int argc, char **argv)
{
    struct client *c = calloc(1, sizeof *c);
    options_parse(&opts, argc, argv);
    client_set_on_sent(c, on_sent);
    for (;;)
        client_loop_once(c);
}
