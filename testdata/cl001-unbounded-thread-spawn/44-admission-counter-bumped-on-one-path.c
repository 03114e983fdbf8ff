/* CL001 positive: the admission test reads `sessions_open`, but the counter
 * only advances when tracing is on (the increment sits inside the trace
 * block by mistake). With tracing off the test never fails and every
 * accepted connection starts a thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_SESSIONS 128

static unsigned sessions_open;
static int trace_enabled;

static void *session_main(void *arg)
{
    close((int)(long)arg);
    return NULL;
}

void session_acceptor(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        if (sessions_open >= MAX_SESSIONS) {
            close(fd);
            continue;
        }
        pthread_t t;
        pthread_create(&t, NULL, session_main, (void *)(long)fd); // expect: CL001
        pthread_detach(t);
        if (trace_enabled) {
            fprintf(stderr, "session %u on fd %d\n", sessions_open, fd);
            sessions_open++;
        }
    }
}
