/* Pattern: a bit-field sits next to plain members; the worker counts in
 * a plain member, main sets the bit-field and another plain member.
 * Verdict: race-free. Non-bit-field members are memory locations of their
 * own, distinct from a bit-field run.
 */
// expect-none
#include <pthread.h>

struct job {
    unsigned done : 1;
    int count;
    int limit;
};

static struct job jobs[2];

static void *worker(void *arg)
{
    jobs[0].count++;
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    jobs[0].done = 1;
    jobs[0].limit = 10;
    pthread_join(t, NULL);
    return 0;
}
