/* Pattern: main replaces a global limits struct wholesale by struct
 * assignment (`limits = fresh;`) while a worker reads one member of it
 * under a lock that main does not take.
 * Verdict: racy: the assignment writes every member, `limits.max_conn`
 * among them, with no lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: struct-copies

struct limits {
    int max_conn;
    int max_body;
};

static pthread_mutex_t lim_lock = PTHREAD_MUTEX_INITIALIZER;
static struct limits limits = { 64, 4096 };

static void *acceptor(void *arg)
{
    pthread_mutex_lock(&lim_lock);
    int cap = limits.max_conn; // expect-related: CL002
    pthread_mutex_unlock(&lim_lock);
    printf("%d\n", cap);
    return arg;
}

int main(void)
{
    struct limits fresh = { 128, 8192 };
    pthread_t t;
    pthread_create(&t, NULL, acceptor, NULL);
    limits = fresh; // expect: CL002 {{write to 'limits'}}
    pthread_join(t, NULL);
    return 0;
}
