/* CL002 positive: a startup helper runs each init step it is given
 * (`run_step(fn)` calls fn through its parameter). The first step only
 * logs; the second starts the flusher thread, which bumps a counter that
 * main also bumps without a lock.
 * The thread started by the second call must be seen although the helper
 * was already walked once from the same state with another callback.
 */
// class: callback-parameters
#include <pthread.h>
#include <stdio.h>

static long flushed;
static pthread_t flusher;

static void *flush_loop(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++)
        flushed++; // expect: CL002 {{races with}}
    return NULL;
}

static void say_hello(void)
{
    puts("starting");
}

static void start_flusher(void)
{
    pthread_create(&flusher, NULL, flush_loop, NULL);
}

static void run_step(void (*step)(void))
{
    step();
}

int main(void)
{
    run_step(say_hello);
    run_step(start_flusher);
    flushed += 10;
    pthread_join(flusher, NULL);
    return (int)(flushed & 1);
}
