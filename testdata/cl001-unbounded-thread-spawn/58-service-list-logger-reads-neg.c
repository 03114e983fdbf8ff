/* CL001 negative: a tunnel daemon starts one listener thread per service
 * of its configuration, walking the list the parser built. Its logger
 * drains a control socket with read() before writing each line, so the
 * loop reaches a receive, but the loop's rounds are the configured
 * services (`for (s = services; s; s = s->next)`), not requests waited
 * for: the thread count is bounded by the configuration.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct service {
    struct service *next;
    const char *name;
    int port;
};

static struct service *services;
static int control_fd = -1;

static void log_line(const char *what, const char *name)
{
    char cmd[16];
    if (control_fd >= 0 && read(control_fd, cmd, sizeof cmd) > 0 && cmd[0] == 'q')
        return;
    fprintf(stderr, "%s %s\n", what, name);
}

static void *listener(void *arg)
{
    struct service *s = arg;
    log_line("listening", s->name);
    return NULL;
}

static void add_service(const char *name, int port)
{
    struct service *s = calloc(1, sizeof *s);
    if (s == NULL)
        exit(1);
    s->name = name;
    s->port = port;
    s->next = services;
    services = s;
}

int main(void)
{
    add_service("imaps", 993);
    add_service("pop3s", 995);
    for (struct service *s = services; s != NULL; s = s->next) {
        pthread_t t;
        log_line("starting", s->name);
        if (pthread_create(&t, NULL, listener, s) != 0) {
            log_line("cannot start", s->name);
            continue;
        }
        pthread_detach(t);
    }
    pthread_exit(NULL);
}
