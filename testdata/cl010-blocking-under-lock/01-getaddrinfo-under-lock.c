/* CL010 positive, from shared case 14 (eclipse-paho/paho.mqtt.c issue
 * #1125, PR #1221): client_connect() resolves the broker name while
 * holding the client's API mutex; a slow DNS server stalls every API call. */
#include <netdb.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>

struct client {
    pthread_mutex_t api_lock;
    char host[256];
    struct addrinfo *addrs;
    int up;
};

static int client_connect(struct client *c)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    pthread_mutex_lock(&c->api_lock);
    int rc = getaddrinfo(c->host, "1883", &hints, &c->addrs); // expect: CL010 {{'getaddrinfo' can block for long while 'c->api_lock' is held; move the call out of the critical section}}
    // expect-related@-2: CL010 {{'c->api_lock' taken here}}
    // expect-flow@-2: CL010 {{thread 'connector'}} {{calls 'client_connect'}}
    c->up = (rc == 0);
    pthread_mutex_unlock(&c->api_lock);
    return rc;
}

static int client_is_up(struct client *c)
{
    pthread_mutex_lock(&c->api_lock);
    int up = c->up;
    pthread_mutex_unlock(&c->api_lock);
    return up;
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
    int up = client_is_up(&cl);
    pthread_join(t, NULL);
    return up;
}
