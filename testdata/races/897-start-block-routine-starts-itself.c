/* Pattern: the twin of races/896: through the same start-block library,
 * a crawler starts another crawler for each of two links it finds, then
 * waits for both, and every crawler bumps the page count without a lock.
 * Verdict: racy. The two crawlers one crawler starts run at once.
 */
// class: callback
#include <pthread.h>
#include <stdlib.h>

struct start_block {
    void *(*fn)(void *);
    void *arg;
};

static void *trampoline(void *p)
{
    struct start_block *sb = p;
    void *(*fn)(void *) = sb->fn;
    void *arg = sb->arg;
    free(sb);
    return fn(arg);
}

static int spawn(pthread_t *t, void *(*fn)(void *), void *arg)
{
    struct start_block *sb = malloc(sizeof *sb);
    if (sb == NULL)
        return -1;
    sb->fn = fn;
    sb->arg = arg;
    if (pthread_create(t, NULL, trampoline, sb) != 0) {
        free(sb);
        return -1;
    }
    return 0;
}

static long pages;

static void *crawler(void *arg)
{
    long depth = (long)arg;
    pthread_t links[2];
    int n = 0;
    pages++; // expect: CL002
    for (int i = 0; i < 2 && depth < 3; i++)
        if (spawn(&links[n], crawler, (void *)(depth + 1)) == 0)
            n++;
    for (int i = 0; i < n; i++)
        pthread_join(links[i], NULL);
    return NULL;
}

int main(void)
{
    pthread_t first;
    if (spawn(&first, crawler, (void *)0L) != 0)
        return 1;
    pthread_join(first, NULL);
    return (int)pages;
}
