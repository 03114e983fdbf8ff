/* CL013 positive: a request/acknowledge handshake on one volatile word.
 * The main thread posts a request (`req = 1`) and spins until the worker
 * clears it; the worker spins until it sees the request, does the work and
 * clears it. Both sides store and both read: still a flag (each store sets
 * a value, none increments), reported once at the declaration.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static volatile int g_req; // expect: CL013 {{volatile 'g_req' is the only synchronization between threads}}
static volatile int g_quit;  // expect: CL013
static long g_result;

static void *responder(void *arg)
{
    (void)arg;
    while (!g_quit) {
        if (!g_req) {
            sched_yield();
            continue;
        }
        g_result += 42;
        g_req = 0;
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, responder, NULL) != 0)
        return 1;
    for (int i = 0; i < 10; i++) {
        g_req = 1;
        while (g_req)
            sched_yield();
    }
    g_quit = 1;
    pthread_join(t, NULL);
    printf("%ld\n", g_result);
    return 0;
}
