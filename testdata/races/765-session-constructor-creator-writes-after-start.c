/* Pattern: a server creates a session with session_new(), starts its
 * keepalive thread on it, and then marks the session authenticated
 * without the session's lock while the keepalive thread reads the flag.
 * Verdict: racy. The creator's write of `authed` after the spawn runs in
 * parallel with the keepalive thread's read.
 */
// class: heap-ownership
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct session {
    pthread_mutex_t mu;
    int fd;
    int authed;
    char user[32];
};

static struct session *session_new(int fd)
{
    struct session *s;
    s = malloc(sizeof *s);
    if (s == NULL)
        return NULL;
    memset(s, 0, sizeof *s);
    pthread_mutex_init(&s->mu, NULL);
    s->fd = fd;
    return s;
}

static void *keepalive(void *arg)
{
    struct session *s = arg;
    for (int i = 0; i < 3; i++) {
        if (!s->authed) // expect: CL002
            continue;
        dprintf(s->fd, "ping\n");
    }
    return NULL;
}

int main(void)
{
    struct session *s = session_new(1);
    pthread_t t;
    if (s == NULL)
        return 1;
    pthread_create(&t, NULL, keepalive, s);
    snprintf(s->user, sizeof s->user, "admin");
    s->authed = 1;
    pthread_join(t, NULL);
    free(s);
    return 0;
}
