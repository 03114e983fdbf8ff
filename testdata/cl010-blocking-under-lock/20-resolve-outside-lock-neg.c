/* CL010 negative: the twin of 01: copy the host name under the lock,
 * resolve without it, then lock again to publish the result. */
// expect-none
#include <netdb.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>

struct client { pthread_mutex_t api_lock; char host[256]; struct addrinfo *addrs; int up; };

static int client_connect(struct client *c)
{
    char host[256];
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    pthread_mutex_lock(&c->api_lock);
    memcpy(host, c->host, sizeof host);
    pthread_mutex_unlock(&c->api_lock);
    int rc = getaddrinfo(host, "1883", &hints, &res);
    pthread_mutex_lock(&c->api_lock);
    c->addrs = res;
    c->up = (rc == 0);
    pthread_mutex_unlock(&c->api_lock);
    return rc;
}

static void *connector(void *arg)
{
    client_connect(arg);
    return NULL;
}

int main(void)
{
    static struct client cl = { .api_lock = PTHREAD_MUTEX_INITIALIZER, .host = "broker.invalid" };
    pthread_t t;
    pthread_create(&t, NULL, connector, &cl);
    pthread_mutex_lock(&cl.api_lock);
    int up = cl.up;
    pthread_mutex_unlock(&cl.api_lock);
    pthread_join(t, NULL);
    return up;
}
