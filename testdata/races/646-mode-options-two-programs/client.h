/* A client library with a network thread that runs the callbacks the
 * program registered, and the option parser its command-line tools
 * share. */
#include <pthread.h>

enum { MODE_NONE, MODE_LINE, MODE_FILE };
struct options { int mode; int repeat; };
extern struct options opts;

struct client;
typedef void (*on_sent_fn)(struct client *, int);
struct client {
    pthread_t thread;
    on_sent_fn on_sent;
};

void client_set_on_sent(struct client *c, on_sent_fn fn);
int client_loop_start(struct client *c);
void client_loop_once(struct client *c);
void options_parse(struct options *o, int argc, char **argv);
