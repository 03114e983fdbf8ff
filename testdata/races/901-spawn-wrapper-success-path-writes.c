/* Pattern: the twin of races/900: the plugins mark their descriptor
 * open again after the wrapper reported success, while the reader they
 * started may already read it.
 * Verdict: racy, in both plugins.
 */
// class: spawn-failure
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct start_block {
    void *(*fn)(void *);
    void *arg;
};

static void *trampoline(void *p)
{
    struct start_block *sb = p;
    void *(*fn)(void *) = sb->fn;
    void *arg = sb->arg;
    free(sb);
    return fn(arg);
}

static int host_thread_create(pthread_t *t, void *(*fn)(void *), void *arg)
{
    struct start_block *sb = malloc(sizeof *sb);
    if (sb == NULL)
        return -1;
    sb->fn = fn;
    sb->arg = arg;
    int ret = pthread_create(t, NULL, trampoline, sb);
    if (ret != 0) {
        free(sb);
        return ret;
    }
    return 0;
}

static int start_plain(pthread_t *t, void *(*fn)(void *))
{
    return pthread_create(t, NULL, fn, NULL);
}

static int net_sock = -1;
static int log_fd = -1;
static pthread_t net_reader, log_reader;

static void *read_net(void *arg)
{
    char buf[64];
    if (net_sock >= 0) // expect: CL002
        (void)read(net_sock, buf, sizeof buf);
    return arg;
}

static void *read_log(void *arg)
{
    char buf[64];
    if (log_fd >= 0) // expect: CL002
        (void)read(log_fd, buf, sizeof buf);
    return arg;
}

static int net_init(void)
{
    net_sock = dup(0);
    if (host_thread_create(&net_reader, read_net, NULL) != 0) {
        close(net_sock);
        net_sock = -1;
        return -1;
    }
    net_sock = dup(0); // expect-related: CL002
    return 0;
}

static int log_init(void)
{
    log_fd = dup(2);
    if (start_plain(&log_reader, read_log) != 0) {
        close(log_fd);
        log_fd = -1;
        return -1;
    }
    log_fd = dup(2); // expect-related: CL002
    return 0;
}

int main(void)
{
    int net = net_init() == 0;
    int log = log_init() == 0;
    if (net)
        pthread_join(net_reader, NULL);
    if (log)
        pthread_join(log_reader, NULL);
    return 0;
}
