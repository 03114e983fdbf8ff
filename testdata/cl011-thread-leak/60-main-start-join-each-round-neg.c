/* CL011 negative (a test harness's main): each round starts one thread
 * into the shared handle and joins it before the next start; a second
 * phase starts a monitor that main leaves running at exit (the process
 * ends).
 */
// class: handle-overwritten-in-main
// expect-none
#include <pthread.h>
#include <stdio.h>

static int results[4];

static void *round_main(void *arg)
{
    int *r = arg;
    *r = 1;
    return NULL;
}

static void *monitor(void *arg)
{
    return arg;
}

int main(void)
{
    pthread_t t;
    for (int i = 0; i < 4; i++) {
        if (pthread_create(&t, NULL, round_main, &results[i]) != 0)
            return 1;
        pthread_join(t, NULL);
    }
    pthread_t mon;
    pthread_create(&mon, NULL, monitor, NULL);
    printf("%d\n", results[0] + results[3]);
    return 0;
}
