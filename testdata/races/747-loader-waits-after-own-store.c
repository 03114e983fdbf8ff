/* Pattern: a plugin loader and main share one state word. main stores
 * LOADING, starts the loader, and the loader stores LOADED after filling
 * the symbol table; main then waits for LOADED. But main's helper
 * re-announces LOADED itself on a retry path before waiting (a shortcut
 * for plugins already in the cache that were not).
 * Verdict: racy. On the retry path main's own store satisfies its wait,
 * which then orders nothing: main reads the table while the loader fills
 * it.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

enum plug_state { P_IDLE, P_LOADING, P_LOADED };

static pthread_mutex_t plug_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t plug_cv = PTHREAD_COND_INITIALIZER;
static enum plug_state plug_state;
static void *symtab[32];

static void plug_set(enum plug_state st)
{
    pthread_mutex_lock(&plug_mu);
    plug_state = st;
    pthread_cond_broadcast(&plug_cv);
    pthread_mutex_unlock(&plug_mu);
}

static void plug_wait(enum plug_state st)
{
    pthread_mutex_lock(&plug_mu);
    while (plug_state != st)
        pthread_cond_wait(&plug_cv, &plug_mu);
    pthread_mutex_unlock(&plug_mu);
}

static void *loader(void *arg)
{
    for (int i = 0; i < 32; i++)
        symtab[i] = arg; // expect: CL002
    plug_set(P_LOADED);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    (void)argv;
    if (pthread_create(&t, NULL, loader, &plug_state) != 0)
        return 1;
    if (argc > 1)
        plug_set(P_LOADED);
    plug_wait(P_LOADED);
    printf("%p\n", symtab[0]);
    pthread_join(t, NULL);
    return 0;
}
