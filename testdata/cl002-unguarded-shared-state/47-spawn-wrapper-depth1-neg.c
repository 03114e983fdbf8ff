/* CL002 negative (spawn wrapper, depth 1; twin of case 15): the indexers
 * are started only through launch(), which passes its own function-pointer
 * parameter on to pthread_create and gives the handle back. Both indexer
 * instances add to the shared index under `idx.lock`, and main() prints
 * the totals after joining both: the wrapper is resolved (two indexer
 * threads in the model) and nothing races.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static struct {
    pthread_mutex_t lock;
    size_t words;                /* guarded by lock */
    size_t longest;              /* guarded by lock */
} idx = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };

static pthread_t launch(void *(*body)(void *), void *ctx)
{
    pthread_t t;
    if (pthread_create(&t, NULL, body, ctx) != 0)
        memset(&t, 0, sizeof t);
    return t;
}

static void *indexer_main(void *ctx)
{
    const char *const *doc = ctx;
    for (; *doc != NULL; doc++) {
        size_t len = strlen(*doc);
        pthread_mutex_lock(&idx.lock);
        idx.words++;
        if (len > idx.longest)
            idx.longest = len;
        pthread_mutex_unlock(&idx.lock);
    }
    return NULL;
}

int main(void)
{
    static const char *const left[] = { "alpha", "beta", NULL };
    static const char *const right[] = { "gamma", "delta", "epsilon", NULL };
    pthread_t a = launch(indexer_main, (void *)left);
    pthread_t b = launch(indexer_main, (void *)right);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%zu words, longest %zu\n", idx.words, idx.longest);
    return 0;
}
