/* Pattern: three levels of threads, each joining the one it started
 * before it returns; main joins the first and reads what the deepest
 * wrote.
 * Verdict: race-free. Each join orders the joined thread's end, and
 * with it everything that thread joined, before what follows.
 */
// class: transitive-join
// expect-none
#include <pthread.h>
#include <stdio.h>

static char digest[32];

static void *hasher(void *arg)
{
    for (int i = 0; i < 31; i++)
        digest[i] = (char)('a' + i % 26);
    return arg;
}

static void *reader(void *arg)
{
    pthread_t h;
    if (pthread_create(&h, NULL, hasher, NULL) != 0)
        return NULL;
    pthread_join(h, NULL);
    return arg;
}

static void *pipeline(void *arg)
{
    pthread_t r;
    if (pthread_create(&r, NULL, reader, NULL) != 0)
        return NULL;
    pthread_join(r, NULL);
    return arg;
}

int main(void)
{
    pthread_t p;
    pthread_create(&p, NULL, pipeline, NULL);
    pthread_join(p, NULL);
    puts(digest);
    return 0;
}
