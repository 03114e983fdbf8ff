/* CL001 negative: a lazily started metrics exporter. The recv loop calls
 * ensure_exporter() for every request; it starts the thread only while the
 * one-shot flag is clear, and the flag is set by a small helper before the
 * spawn (the write is one call down, without a lock: the thread that runs
 * the loop is the only one that touches the flag). At most one exporter.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static int exporter_started;

static void *exporter_main(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

static void mark_started(void)
{
    exporter_started = 1;
}

static void ensure_exporter(void)
{
    pthread_t tid;
    if (exporter_started)
        return;
    mark_started();
    if (pthread_create(&tid, NULL, exporter_main, NULL) == 0)
        pthread_detach(tid);
}

void metrics_loop(int fd)
{
    char buf[128];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
        ensure_exporter();
        send(fd, buf, (size_t)n, 0);
    }
}
