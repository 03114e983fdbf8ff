/* Pattern: thread-local storage with the GNU __thread keyword (also a
 * function-scope static __thread).
 * Verdict: race-free. `last_error` and the static local `depth` are per
 * thread, so every thread writing them touches its own copy.
 */
// expect-none
#include <pthread.h>

#define NT 4
static __thread int last_error;

static int parse(int v)
{
    static __thread int depth;
    depth++;
    if (v % 3 == 0)
        last_error = v;
    depth--;
    return depth;
}

static void *worker(void *arg)
{
    int bad = 0;
    for (int i = 0; i < 1000; i++) {
        parse(i);
        bad += last_error != 0;
    }
    return bad ? arg : NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return last_error;
}
