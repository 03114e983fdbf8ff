/* Pattern: a tile renderer. Each render thread draws its own tile of the
 * frame, then meets the others at a countdown barrier (the last thread
 * to arrive resets the count and flips the phase bit); after it, each
 * thread reads the whole frame to compute its tile's edge blur.
 * Verdict: race-free. The tile writes are before the barrier, the frame
 * reads after it, in every thread.
 */
// class: barrier
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NTILES 4
#define TILE 256

struct countdown {
    pthread_mutex_t lock;
    pthread_cond_t turned;
    int left, total;
    int phase;
};

static struct countdown frame_done = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NTILES, NTILES, 0 };
static unsigned char frame[NTILES][TILE];
static long blur[NTILES];

static void countdown_arrive(struct countdown *c)
{
    pthread_mutex_lock(&c->lock);
    int phase = c->phase;
    if (--c->left == 0) {
        c->left = c->total;
        c->phase = !c->phase;
        pthread_cond_broadcast(&c->turned);
    } else {
        while (c->phase == phase)
            pthread_cond_wait(&c->turned, &c->lock);
    }
    pthread_mutex_unlock(&c->lock);
}

static void *render(void *arg)
{
    int tile = (int)(intptr_t)arg;
    for (int i = 0; i < TILE; i++)
        frame[tile][i] = (unsigned char)(i ^ tile);
    countdown_arrive(&frame_done);
    long sum = 0;
    for (int t = 0; t < NTILES; t++)
        sum += frame[t][0] + frame[t][TILE - 1];
    blur[tile] = sum;
    return NULL;
}

int main(void)
{
    pthread_t t[NTILES];
    for (int i = 0; i < NTILES; i++)
        pthread_create(&t[i], NULL, render, (void *)(intptr_t)i);
    for (int i = 0; i < NTILES; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < NTILES; i++)
        printf("%ld\n", blur[i]);
    return 0;
}
