/* CL001 negative: a connection callback claims a slot in a fixed table of
 * client sockets under a mutex (a counted search that stores the socket in
 * the first free slot and breaks), remembers in a local whether the table
 * was full, and refuses the client when it was; only a client with a slot
 * gets a thread. The table bounds the live threads.
 * From libmicrohttpd 0.9.75, src/examples/websocket_threaded_example.c,
 * uh_cb() (registered with MHD_create_response_for_upgrade); here the
 * registration API is a stand-in without a body.
 */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CLIENTS 10
#define NO_SOCKET (-1)

struct upgrade_handle;
typedef void (*upgrade_cb)(void *cls, int sock, struct upgrade_handle *urh);
/* The server library (not part of this program) keeps the callback and
 * calls it once per upgraded connection. */
void *create_response_for_upgrade(upgrade_cb cb, void *cls);
void upgrade_close(struct upgrade_handle *urh);

static pthread_mutex_t clients_lock = PTHREAD_MUTEX_INITIALIZER;
static int client_socks[MAX_CLIENTS] = { NO_SOCKET, NO_SOCKET, NO_SOCKET, NO_SOCKET, NO_SOCKET,
                                         NO_SOCKET, NO_SOCKET, NO_SOCKET, NO_SOCKET, NO_SOCKET };

static void *run_socket(void *arg)
{
    int sock = (int)(intptr_t)arg;
    char buf[256];
    ssize_t n;
    while ((n = recv(sock, buf, sizeof buf, 0)) > 0)
        send(sock, buf, (size_t)n, 0);
    pthread_mutex_lock(&clients_lock);
    for (int i = 0; i < MAX_CLIENTS; i++)
        if (client_socks[i] == sock)
            client_socks[i] = NO_SOCKET;
    pthread_mutex_unlock(&clients_lock);
    close(sock);
    return NULL;
}

static void on_upgrade(void *cls, int sock, struct upgrade_handle *urh)
{
    pthread_t pt;
    int overflow = 1;
    (void)cls;
    pthread_mutex_lock(&clients_lock);
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (client_socks[i] == NO_SOCKET) {
            client_socks[i] = sock;
            overflow = 0;
            break;
        }
    }
    pthread_mutex_unlock(&clients_lock);
    if (overflow) {
        upgrade_close(urh);
        return;
    }
    if (pthread_create(&pt, NULL, run_socket, (void *)(intptr_t)sock) != 0)
        abort();
    pthread_detach(pt);
}

void *make_upgrade_response(void)
{
    return create_response_for_upgrade(on_upgrade, NULL);
}
