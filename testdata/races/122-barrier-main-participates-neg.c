/* Pattern: the creator is one of the barrier's parties: it sets the
 * parameters after starting the workers and before the barrier.
 * Verdict: race-free. main writes `params` and then waits at the barrier
 * (count NW + 1); each worker waits at the barrier before reading
 * `params`. No one writes `params` after the barrier.
 */
// class: barrier
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NW 2
struct params {
    int scale;
    int offset;
};

static struct params params;
static pthread_barrier_t go;
static int out[NW];

static void *scaler(void *arg)
{
    long id = (long)arg;
    pthread_barrier_wait(&go);
    out[id] = (int)id * params.scale + params.offset;
    return NULL;
}

int main(void)
{
    pthread_t t[NW];
    pthread_barrier_init(&go, NULL, NW + 1);
    for (long i = 0; i < NW; i++)
        pthread_create(&t[i], NULL, scaler, (void *)i);
    params.scale = 3;
    params.offset = 1;
    pthread_barrier_wait(&go);
    for (int i = 0; i < NW; i++)
        pthread_join(t[i], NULL);
    printf("%d %d\n", out[0], out[1]);
    return 0;
}
