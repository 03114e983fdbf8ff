/* Pattern: the tile renderer of 750, where the thread of the last tile (a
 * border that needs no drawing) skips the drawing and the barrier (sized
 * for the others) and goes straight to reading the frame.
 * Verdict: racy. On that path the thread reads the frame while the other
 * threads are still drawing their tiles.
 */
// class: barrier
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

static struct countdown frame_done = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NTILES - 1, NTILES - 1, 0 };
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
    if (tile < NTILES - 1) {
        for (int i = 0; i < TILE; i++)
            frame[tile][i] = (unsigned char)(i ^ tile); // expect: CL002
        countdown_arrive(&frame_done);
    }
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
