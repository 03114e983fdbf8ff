/* CL001 positive: the accept loop hands each connection to
 * `handle_client`, which starts the session thread through the project's
 * `start_thread(routine, arg, name)` helper (it names the thread, then
 * detaches it).
 * The finding is at the helper's call in `handle_client` (the call that
 * names the routine), with the call from the loop and the helper's
 * pthread_create related.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static int start_thread(void *(*routine)(void *), void *arg, const char *name)
{
    pthread_t t;
    if (pthread_create(&t, NULL, routine, arg) != 0) // expect-related: CL001
        return -1;
    pthread_setname_np(t, name);
    return pthread_detach(t);
}

static void *session_main(void *arg)
{
    close((int)(long)arg);
    return NULL;
}

static void handle_client(int fd)
{
    if (start_thread(session_main, (void *)(long)fd, "session") != 0) // expect: CL001 {{thread 'session_main' started through 'start_thread'}} {{in 'serve'}}
        close(fd);
}

void serve(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd >= 0)
            handle_client(fd); // expect-related: CL001 {{calls 'handle_client'}}
    }
}
