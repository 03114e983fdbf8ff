/* CL012 negative: the index itself is passed, cast to a pointer. */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static void *lane_main(void *arg)
{
    int lane = (int)(intptr_t)arg;
    printf("lane %d\n", lane);
    return NULL;
}

void run_lanes(void);
void run_lanes(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, lane_main, (void *)(intptr_t)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
}
