/* CL001 negative: on_client_connect() is the per-connection callback of an
 * accept loop and starts a session thread, but only after reserving a slot:
 * live_sessions is checked against MAX_SESSIONS and incremented under
 * sessions_lock, and every way out gives the slot back under the same lock.
 * From shared case 34 (false-positive trap).
 */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_SESSIONS 128

static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned live_sessions;            /* guarded by sessions_lock */

static void release_slot(void)
{
    pthread_mutex_lock(&sessions_lock);
    live_sessions--;
    pthread_mutex_unlock(&sessions_lock);
}

static void *session_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char line[256];
    ssize_t n;
    while ((n = recv(fd, line, sizeof line, 0)) > 0)
        send(fd, line, (size_t)n, 0);
    close(fd);
    release_slot();
    return NULL;
}

int on_client_connect(int fd)
{
    pthread_mutex_lock(&sessions_lock);
    if (live_sessions >= MAX_SESSIONS) {
        pthread_mutex_unlock(&sessions_lock);
        close(fd);
        return -1;                        /* busy: refuse, do not spawn */
    }
    live_sessions++;
    pthread_mutex_unlock(&sessions_lock);

    pthread_attr_t attr;
    pthread_t tid;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&tid, &attr, session_main, (void *)(intptr_t)fd);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        close(fd);
        release_slot();
        return -1;
    }
    return 0;
}

void listen_forever(int listen_fd)
{
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd >= 0)
            on_client_connect(fd);
    }
}
