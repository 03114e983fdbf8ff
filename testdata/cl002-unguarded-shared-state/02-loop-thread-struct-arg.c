/* CL002 positive (race through the thread argument): the network-loop
 * thread gets the client struct as its start argument and reads `last_out`
 * without `out_lock`; client_publish() on the main thread writes it under
 * `out_lock`. `pings` is touched only by the thread and read after the join.
 * From shared case 05 (true bug), source: eclipse-mosquitto/mosquitto issue
 * #2506 / PR #2510 (its stack-escape-to-thread expectation dropped).
 */
#include <pthread.h>
#include <time.h>

struct client {
    pthread_mutex_t out_lock;     /* guards last_out */
    time_t last_out;
    unsigned pings;
    pthread_t loop_thread;
};

static void *client_loop(void *arg)
{
    struct client *c = arg;
    for (int i = 0; i < 100000; i++) {
        time_t now = time(NULL);
        if (now - c->last_out >= 30) // expect: CL002 {{races with write in 'client_publish'}}
            c->pings++;           /* only this thread touches pings */ // expect-flow@-1: CL002 {{thread 'client_loop'}}, CL002 {{main thread}} {{calls 'client_publish'}}
    }
    return NULL;
}

static void client_publish(struct client *c)
{
    pthread_mutex_lock(&c->out_lock);
    c->last_out = time(NULL); // expect-related: CL002 {{conflicting write of 'c->last_out'}}
    pthread_mutex_unlock(&c->out_lock);
}

int main(void)
{
    struct client cl = { .out_lock = PTHREAD_MUTEX_INITIALIZER };
    if (pthread_create(&cl.loop_thread, NULL, client_loop, &cl) != 0)
        return 1;
    for (int i = 0; i < 1000; i++)
        client_publish(&cl);
    pthread_join(cl.loop_thread, NULL);
    return (int)(cl.pings & 1);
}
