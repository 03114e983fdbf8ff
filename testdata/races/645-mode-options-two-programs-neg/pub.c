/* Pattern: a compile database holding two command-line tools built on
 * one client library (client.c) and one option parser: the publisher
 * (this file) and the subscriber (sub.c), each with its own global
 * `opts` of the same name. The publisher starts the library's network
 * thread only in line mode; the thread runs the registered on_sent
 * callback, whose other-mode branch touches the repeat state main
 * updates.
 * Verdict: race-free. In line mode the callback takes the MODE_LINE
 * branch; the subscriber's main also writes opts.mode (parsing its own
 * options), but it is another program, so the publisher's thread still
 * starts in line mode.
 */
// class: mode-global-fields
// expect-none
#include <stdio.h>
#include <stdlib.h>
#include "client.h"

struct options opts;
static int ready_for_repeat;
static int last_sent = -1;

static void publish(struct client *c)
{
    (void)c;
    ready_for_repeat = 0;
}

static void on_sent(struct client *c, int id)
{
    (void)c;
    if (opts.mode == MODE_LINE)
        last_sent = id;
    else
        ready_for_repeat = 1;
}

static int line_loop(struct client *c)
{
    char buf[64];
    client_loop_start(c);
    while (fgets(buf, sizeof buf, stdin) != NULL)
        publish(c);
    pthread_join(c->thread, NULL);
    return last_sent;
}

static int other_loop(struct client *c)
{
    for (int i = 0; i < opts.repeat; i++) {
        publish(c);
        client_loop_once(c);
    }
    return last_sent;
}

int main(int argc, char **argv)
{
    struct client *c = calloc(1, sizeof *c);
    options_parse(&opts, argc, argv);
    client_set_on_sent(c, on_sent);
    if (opts.mode == MODE_LINE)
        return line_loop(c);
    return other_loop(c);
}
