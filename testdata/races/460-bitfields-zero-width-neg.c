/* Pattern: two flags are bit-fields separated by a zero-width bit-field,
 * which starts a new allocation unit; each thread writes its own.
 * Verdict: race-free. The zero-width bit-field ends the run: two memory
 * locations (C11 6.7.2.1p12, 3.14 note 2).
 */
// expect-none
#include <pthread.h>

static struct {
    unsigned a : 4;
    unsigned : 0;
    unsigned b : 4;
} flags;

static void *worker(void *arg)
{
    flags.a = 3;
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    flags.b = 5;
    pthread_join(t, NULL);
    return 0;
}
