/* Pattern: a thread-creation wrapper takes the entry as `void (*)(void *)`
 * and converts it to pthread_create's `void *(*)(void *)` through a union
 * (as libuv's uv_thread_create_ex does, to avoid a function-cast
 * warning); a pool of workers started through it counts into a global.
 * Verdict: racy. `served` is incremented by every worker without a lock.
 */
// class: spawn-wrappers
#include <pthread.h>

typedef void (*entry_fn)(void *);

static int start_thread(pthread_t *tid, entry_fn entry, void *arg)
{
    union {
        entry_fn in;
        void *(*out)(void *);
    } pun;
    pun.in = entry;
    return pthread_create(tid, NULL, pun.out, arg);
}

static long served;

static void serve(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++)
        served++; // expect: CL002 {{races with itself}}
}

int main(void)
{
    pthread_t pool[4];
    for (int i = 0; i < 4; i++)
        start_thread(&pool[i], serve, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(pool[i], NULL);
    return (int)(served & 1);
}
