/* Pattern: the reader loads the flag with acquire once but reads the data
 * whether or not it saw the flag set.
 * Verdict: racy. The acquire only orders what follows a load that read
 * the released value; here the reader goes on to read `result` even when
 * `done` was still 0, while the writer may be writing it.
 */
// class: release-acquire
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_bool done;
static int result;

static void *computer(void *arg)
{
    result = 6 * 7; // expect: CL002
    atomic_store(&done, 1);
    return arg;
}

static void *peeker(void *arg)
{
    int seen = atomic_load_explicit(&done, memory_order_acquire);
    printf("%d %d\n", seen, result);
    return arg;
}

int main(void)
{
    pthread_t c, p;
    pthread_create(&p, NULL, peeker, NULL);
    pthread_create(&c, NULL, computer, NULL);
    pthread_join(c, NULL);
    pthread_join(p, NULL);
    return 0;
}
