/* CL003 positive (plus CL002): the network thread polls the connection
 * state with a 10 ms nanosleep() instead of waiting on a condition variable,
 * then reads `keepalive_s`, which the application thread writes after
 * releasing the state lock. Only the sleep "orders" the two accesses, so
 * that read is also a data race (both accesses unlocked; the finding lands
 * on the spawned thread's side).
 * From shared case 06 (true bug), source: eclipse-mosquitto/mosquitto issue
 * #2444. Primary rule sleep-coordination.
 */
#include <pthread.h>
#include <time.h>

enum link_state { LINK_NEW, LINK_CONNECTING };

struct session {
    pthread_mutex_t state_lock;
    enum link_state state;        /* guarded by state_lock */
    int keepalive_s;              /* written without a lock */
    long timeout_ms;
};

static enum link_state read_state(struct session *s)
{
    pthread_mutex_lock(&s->state_lock);
    enum link_state st = s->state; // expect-related: CL003 {{read here by the loop}}
    pthread_mutex_unlock(&s->state_lock);
    return st;
}

static void *net_main(void *arg)
{
    struct session *s = arg;
    struct timespec pause = { 0, 10000000 };   /* 10 ms */
    while (read_state(s) == LINK_NEW)
        nanosleep(&pause, NULL); // expect: CL003 {{'nanosleep' polls 's->state', which the main thread writes}}
    s->timeout_ms = s->keepalive_s * 1000L; // expect: CL002
    return NULL;
}

static void session_connect(struct session *s, int keepalive)
{
    pthread_mutex_lock(&s->state_lock);
    s->state = LINK_CONNECTING; // expect-related: CL003 {{'s->state' written here by the main thread}}
    pthread_mutex_unlock(&s->state_lock);
    s->keepalive_s = keepalive;
}

int main(void)
{
    static struct session sess = { .state_lock = PTHREAD_MUTEX_INITIALIZER };
    pthread_t net;
    pthread_create(&net, NULL, net_main, &sess);
    session_connect(&sess, 60);
    pthread_join(net, NULL);
    return 0;
}
