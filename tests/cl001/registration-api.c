/* CL001 with the `registration_apis` configuration key (run by
 * tests/config.cmake with registration-api.json, and once more with
 * no-registration-apis.json, where the finding must be missing).
 * Models a project that carries its own small server library: serve_forever()
 * runs the accept loop and calls the handler it was given for every
 * connection; the application's handler starts a detached thread per
 * connection. The call through the parameter `on_conn` has no callees in the
 * call graph, and serve_forever() calls its callback itself (so by default it
 * is not taken for a registration that keeps the pointer): only the
 * configured registration API makes on_client() a handler.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

typedef void (*conn_handler)(int fd);

static void serve_forever(int listen_fd, conn_handler on_conn)
{
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd >= 0)
            on_conn(fd);
    }
}

static void *client_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[256];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    return NULL;
}

static void on_client(int fd)
{
    pthread_t tid;
    // expect@+1: CL001 {{for every call of callback 'on_client' (registered with 'serve_forever' at line 51)}}
    if (pthread_create(&tid, NULL, client_main, (void *)(intptr_t)fd) == 0)
        pthread_detach(tid);
    else
        close(fd);
}

int main(void)
{
    serve_forever(3, on_client);
    return 0;
}
