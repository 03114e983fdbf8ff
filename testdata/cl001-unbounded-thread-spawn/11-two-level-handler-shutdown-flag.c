/* CL001 positive: a recv() loop hands every command to dispatch_command(),
 * which calls start_export() for EXPORT commands; start_export() spawns a
 * detached exporter thread per command. The only check on the way is a
 * shutdown flag: it refuses work while stopping but bounds nothing.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int stopping;                     /* set by main before it exits */

static void *export_main(void *arg)
{
    char *name = arg;
    char path[128];
    strncpy(path, name, sizeof path - 1);
    path[sizeof path - 1] = '\0';
    free(name);
    return NULL;
}

static int start_export(const char *name)
{
    if (stopping)
        return -1;
    char *copy = strdup(name);
    pthread_t tid;
    if (copy == NULL)
        return -1;
    if (pthread_create(&tid, NULL, export_main, copy) != 0) { // expect: CL001
        free(copy);
        return -1;
    }
    return pthread_detach(tid);
}

static void dispatch_command(const char *cmd)
{
    if (strncmp(cmd, "EXPORT ", 7) == 0)
        start_export(cmd + 7);
}

void command_loop(int fd)
{
    char buf[256];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf - 1, 0)) > 0) {
        buf[n] = '\0';
        dispatch_command(buf);
    }
}
