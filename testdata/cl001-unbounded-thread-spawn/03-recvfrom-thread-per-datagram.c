/* CL001 positive: a UDP syslog-style collector starts a thread for every
 * datagram recvfrom() returns. The datagram is copied to the heap and the
 * thread frees it; nothing caps the number of parsing threads alive.
 */
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

struct datagram {
    struct sockaddr_in from;
    size_t len;
    char data[1500];
};

static void *parse_datagram(void *arg)
{
    struct datagram *dg = arg;
    char line[1501];
    memcpy(line, dg->data, dg->len);
    line[dg->len] = '\0';
    char *sep = strchr(line, ' ');
    if (sep != NULL)
        fprintf(stderr, "[%u] %s\n", ntohs(dg->from.sin_port), sep + 1);
    free(dg);
    return NULL;
}

void collect(int udp_fd)
{
    for (;;) {
        struct datagram *dg = malloc(sizeof *dg);
        socklen_t alen = sizeof dg->from;
        if (dg == NULL)
            return;
        ssize_t n = recvfrom(udp_fd, dg->data, sizeof dg->data, 0,
                             (struct sockaddr *)&dg->from, &alen);
        if (n <= 0) {
            free(dg);
            continue;
        }
        dg->len = (size_t)n;
        pthread_t tid;
        if (pthread_create(&tid, NULL, parse_datagram, dg) == 0) // expect: CL001
            pthread_detach(tid);
        else
            free(dg);
    }
}
