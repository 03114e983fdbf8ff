/* Pattern: function-scope static that is only read.
 * Verdict: race-free. `names` is a static const table initialized at
 * compile time; threads only read it, and reads never race with reads.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4

static const char *level_name(int lvl)
{
    static const char *const names[] = { "debug", "info", "warn", "error" };
    return names[lvl & 3];
}

static void *worker(void *arg)
{
    size_t n = 0;
    for (int i = 0; i < 1000; i++)
        n += level_name(i)[0] == 'w';
    return n ? arg : NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    puts(level_name(1));
    return 0;
}
