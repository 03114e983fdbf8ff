/* CL013 positive: the listener thread's accept loop polls a global
 * `volatile int` stop flag that the main thread sets at shutdown. volatile
 * makes neither access atomic nor orders anything: the store and the
 * polling read are a data race. Reported once, at the declaration (where
 * _Atomic goes), with the store and the read as related locations; CL002
 * does not report the same race again.
 */
#include <pthread.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile int g_stop; // expect: CL013 {{volatile 'g_stop' is the only synchronization between threads: stored in 'server_shutdown' (line 29) and read in 'listener_main' (line 19)}}
static int g_listen_fd = -1; // expect-flow@-1: CL013 {{thread 'listener_main'}} {{reads 'g_stop'}}

static void *listener_main(void *arg)
{
    (void)arg;
    while (!g_stop) { // expect-related: CL013 {{read of 'g_stop' in 'listener_main'}}
        int fd = accept(g_listen_fd, NULL, NULL);
        if (fd >= 0)
            close(fd);
    }
    return NULL;
}

static void server_shutdown(pthread_t listener)
{
    g_stop = 1; // expect-related: CL013 {{store to 'g_stop' in 'server_shutdown'}}
    shutdown(g_listen_fd, SHUT_RDWR);
    pthread_join(listener, NULL);
}

int main(void)
{
    pthread_t listener;
    g_listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (pthread_create(&listener, NULL, listener_main, NULL) != 0)
        return 1;
    sleep(5);
    server_shutdown(listener);
    close(g_listen_fd);
    return 0;
}
