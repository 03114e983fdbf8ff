/* CL001 negative: one listener thread per configured port, made by a
 * constant-bounded loop over a static port table. Each listener runs its own
 * accept loop and serves clients inline: the accept loops spawn nothing.
 */
// expect-none
#include <netinet/in.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NPORTS 3

static const unsigned short ports[NPORTS] = { 8080, 8081, 8082 };

static int open_port(unsigned short port)
{
    struct sockaddr_in sa;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 64) != 0)
        return -1;
    return fd;
}

static void *listener_main(void *arg)
{
    const unsigned short *port = arg;
    int lfd = open_port(*port), fd;
    while (lfd >= 0 && (fd = accept(lfd, NULL, NULL)) >= 0) {
        static const char banner[] = "hello\r\n";
        send(fd, banner, sizeof banner - 1, 0);
        close(fd);
    }
    return NULL;
}

int main(void)
{
    pthread_t listeners[NPORTS];
    for (int i = 0; i < NPORTS; i++)
        pthread_create(&listeners[i], NULL, listener_main, (void *)&ports[i]);
    for (int i = 0; i < NPORTS; i++)
        pthread_join(listeners[i], NULL);
    return 0;
}
