/* Pattern: a worker takes a window into a global buffer, `w = buf + 4`,
 * and writes through it with a subscript; main reads the buffer.
 * Verdict: racy. `w[1]` is an element of `buf`.
 */
#include <pthread.h>

static char buf[64];

static void *worker(void *arg)
{
    char *w = buf + 4;
    w[1] = 'x'; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    char c = buf[5];
    pthread_join(t, NULL);
    return c;
}
