/* CL001 negative: a select loop dispatches each request through a command
 * table; the "sum" command splits its work over two threads and joins both
 * before it answers (fork/join per request: at most two extra threads live
 * at any time), the "ping" command answers inline.
 */
// expect-none
#include <pthread.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>

struct part {
    const unsigned char *p;
    size_t n;
    unsigned long sum;
};

typedef void (*command_fn)(int fd, const unsigned char *arg, size_t len);

static void *sum_part(void *arg)
{
    struct part *pt = arg;
    unsigned long s = 0;
    for (size_t i = 0; i < pt->n; i++)
        s += pt->p[i];
    pt->sum = s;
    return NULL;
}

static void cmd_sum(int fd, const unsigned char *arg, size_t len)
{
    struct part parts[2] = { { arg, len / 2, 0 }, { arg + len / 2, len - len / 2, 0 } };
    pthread_t tids[2];
    int started = 0;
    for (int i = 0; i < 2; i++)
        if (pthread_create(&tids[i], NULL, sum_part, &parts[i]) == 0)
            started++;
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    unsigned long total = parts[0].sum + parts[1].sum;
    send(fd, &total, sizeof total, 0);
}

static void cmd_ping(int fd, const unsigned char *arg, size_t len)
{
    (void)arg;
    (void)len;
    send(fd, "pong\n", 5, 0);
}

static const struct command {
    const char *name;
    command_fn fn;
} commands[] = { { "sum", cmd_sum }, { "ping", cmd_ping } };

void command_server(int fd)
{
    unsigned char buf[1024];
    for (;;) {
        fd_set rd;
        FD_ZERO(&rd);
        FD_SET(fd, &rd);
        if (select(fd + 1, &rd, NULL, NULL, NULL) <= 0)
            continue;
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return;
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
            size_t len = strlen(commands[i].name);
            if ((size_t)n > len && memcmp(buf, commands[i].name, len) == 0)
                commands[i].fn(fd, buf + len, (size_t)n - len);
        }
    }
}
