/* CL001 negative: a listener that takes two kinds of connection on one
 * socket (the shape of mosquitto's listener setup: clients and bridges)
 * and dispatches on the first byte with a switch; the client case checks
 * and bumps a live-client counter under a lock and refuses the client when
 * full, then starts its thread; the bridge case refuses everything. The
 * admission branch sits inside a switch case and the case leaves by
 * `break`, which must still count as the branch that filtered the spawn.
 */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CLIENTS 128

static pthread_mutex_t clients_lock = PTHREAD_MUTEX_INITIALIZER;
static int live_clients; /* guarded by clients_lock */

static void *client_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char c;
    while (recv(fd, &c, 1, 0) == 1)
        ;
    close(fd);
    pthread_mutex_lock(&clients_lock);
    live_clients--;
    pthread_mutex_unlock(&clients_lock);
    return NULL;
}

void listen_mixed(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        char kind = 0;
        pthread_t tid;
        if (fd < 0 || recv(fd, &kind, 1, 0) != 1)
            continue;
        switch (kind) {
        case 'c':
            pthread_mutex_lock(&clients_lock);
            if (live_clients >= MAX_CLIENTS) {
                pthread_mutex_unlock(&clients_lock);
                close(fd);
                break;
            }
            live_clients++;
            pthread_mutex_unlock(&clients_lock);
            if (pthread_create(&tid, NULL, client_main, (void *)(intptr_t)fd) == 0)
                pthread_detach(tid);
            break;
        default:
            close(fd);
            break;
        }
    }
}
