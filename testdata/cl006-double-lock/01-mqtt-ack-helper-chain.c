/* CL006 positive, shared case 86 (eclipse-paho/paho.mqtt.c issue #1230;
 * eclipse-mosquitto/mosquitto issue #1090): an MQTT-style client library
 * (no main). client_handle_ack() holds c->mutex and calls
 * complete_command(), which calls the public client_is_connected(), which
 * locks c->mutex again: the network thread deadlocks on itself. Reported
 * at the call made while the lock is held.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

#define MAX_INFLIGHT 32

struct command { unsigned short msgid; int done; };

struct client {
    pthread_mutex_t mutex;              /* default type: not recursive */
    int sock;
    int connected;                      /* guarded by mutex */
    unsigned inflight, completed;       /* guarded by mutex */
    struct command cmds[MAX_INFLIGHT];  /* guarded by mutex */
};

int client_is_connected(struct client *c)
{
    pthread_mutex_lock(&c->mutex); // expect-related: CL006 {{locked again here}}
    int up = c->connected;
    pthread_mutex_unlock(&c->mutex);
    return up;
}

static void send_next_queued(struct client *c)
{
    (void)c;                            /* would pop and send the next command */
}

/* Decides what to do after a command finished; no locking of its own. */
static void complete_command(struct client *c, struct command *cmd)
{
    cmd->done = 1;
    c->completed++;
    if (client_is_connected(c))
        send_next_queued(c);
}

static void client_handle_ack(struct client *c, unsigned short msgid)
{
    pthread_mutex_lock(&c->mutex); // expect-related: CL006 {{first locked here}}
    for (unsigned i = 0; i < c->inflight; i++)
        if (c->cmds[i].msgid == msgid && !c->cmds[i].done) {
            complete_command(c, &c->cmds[i]); // expect: CL006 {{call to 'complete_command' locks 'c->mutex' again}}
            break;
        }
    pthread_mutex_unlock(&c->mutex);
}

int client_publish(struct client *c, const char *topic)
{
    int rc = -1;
    pthread_mutex_lock(&c->mutex);
    if (c->connected && c->inflight < MAX_INFLIGHT) {
        struct command *cmd = &c->cmds[c->inflight];
        cmd->msgid = (unsigned short)(c->inflight + 1);
        cmd->done = 0;
        c->inflight++;
        rc = send(c->sock, topic, strlen(topic), MSG_DONTWAIT | MSG_NOSIGNAL) < 0 ? -1 : 0;
    }
    pthread_mutex_unlock(&c->mutex);
    return rc;
}

void *client_net_loop(void *arg)        /* the library's network thread */
{
    struct client *c = arg;
    unsigned char pkt[4];
    while (recv(c->sock, pkt, sizeof pkt, MSG_WAITALL) == (ssize_t)sizeof pkt)
        if (pkt[0] == 0x40)             /* PUBACK */
            client_handle_ack(c, (unsigned short)(pkt[2] << 8 | pkt[3]));
    pthread_mutex_lock(&c->mutex);
    c->connected = 0;
    pthread_mutex_unlock(&c->mutex);
    return NULL;
}
