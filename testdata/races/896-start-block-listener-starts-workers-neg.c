/* Pattern: a thread library of the program runs every routine through
 * one trampoline and a heap start block (races/893). The listener,
 * started once, starts the workers through the same library; only the
 * listener touches its socket, and the workers count under a lock.
 * Verdict: race-free. The listener is one thread: the workers run another
 * routine through the same trampoline, not the listener again.
 */
// class: callback
// expect-none
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

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static int handled;
static int listen_fd = -1;

static void *worker(void *arg)
{
    pthread_mutex_lock(&count_lock);
    handled++;
    pthread_mutex_unlock(&count_lock);
    return arg;
}

static void *listener(void *arg)
{
    pthread_t w[4];
    int n = 0;
    listen_fd = 3;
    for (int i = 0; i < 4; i++)
        if (listen_fd >= 0 && spawn(&w[n], worker, NULL) == 0)
            n++;
    for (int i = 0; i < n; i++)
        pthread_join(w[i], NULL);
    listen_fd = -1;
    return arg;
}

int main(void)
{
    pthread_t l;
    if (spawn(&l, listener, NULL) != 0)
        return 1;
    pthread_join(l, NULL);
    return handled;
}
