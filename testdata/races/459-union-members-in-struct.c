/* Pattern: a message carries its payload in a union; the worker stores
 * an integer, main reads the pointer member, and a third access reads a
 * member of a struct inside the union.
 * Verdict: racy. Members of a union share storage.
 */
#include <pthread.h>

struct msg {
    int kind;
    union {
        long num;
        void *ptr;
        struct { int lo, hi; } pair;
    } u;
};

static struct msg m;

static void *worker(void *arg)
{
    m.u.num = 42; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    int lo = m.u.pair.lo;
    pthread_join(t, NULL);
    return lo;
}
