/* CL014 negative: format_peer() calls inet_ntoa() without a lock of its
 * own, but every caller holds peers_lock around it (a lock held at the
 * call site guards the callee), so the calls are serialized. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// expect-none

static pthread_mutex_t peers_lock = PTHREAD_MUTEX_INITIALIZER;
static struct in_addr peers[4];

static void format_peer(int i, char *out, size_t n)
{
    snprintf(out, n, "%s", inet_ntoa(peers[i]));
}

static void *conn_main(void *arg)
{
    char name[32];
    int i = (int)(long)arg;
    pthread_mutex_lock(&peers_lock);
    format_peer(i, name, sizeof name);
    pthread_mutex_unlock(&peers_lock);
    puts(name);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, conn_main, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
