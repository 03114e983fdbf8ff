/* CL014 positive: each connection worker logs its peer with inet_ntoa(),
 * which returns one static buffer; two workers print each other's
 * address. inet_ntop() with a buffer of the caller's is the fix. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>

enum { NCONN = 3 };

static struct sockaddr_in peers[NCONN];

static void log_peer(const struct sockaddr_in *sa)
{
    printf("peer %s\n", inet_ntoa(sa->sin_addr)); // expect: CL014 {{'inet_ntoa' is not thread-safe}} {{make every such call under one lock}}
}

static void *conn_main(void *arg)
{
    log_peer(arg);
    return NULL;
}

int main(void)
{
    pthread_t t[NCONN];
    for (int i = 0; i < NCONN; i++)
        pthread_create(&t[i], NULL, conn_main, &peers[i]);
    for (int i = 0; i < NCONN; i++)
        pthread_join(t[i], NULL);
    return 0;
}
