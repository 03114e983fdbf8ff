/* Pattern: main publishes the address of a local struct in a global
 * pointer (`g_state = &st`); the worker updates it through the pointer
 * while main updates the local directly.
 * Verdict: racy. `g_state->count` and `st.count` are one object.
 */
#include <pthread.h>

struct state {
    int count;
    int limit;
};

static struct state *g_state;

static void *worker(void *arg)
{
    g_state->count++; // expect: CL002
    return arg;
}

int main(void)
{
    struct state st = { 0, 10 };
    g_state = &st;
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    st.count++;
    pthread_join(t, NULL);
    return 0;
}
