/* CL012 negative: each round starts a helper with the loop index's address
 * and joins it before the index changes. */
// expect-none
#include <pthread.h>
#include <stdio.h>

static void *check_disk(void *arg)
{
    int disk = *(const int *)arg;
    printf("checking disk %d\n", disk);
    return NULL;
}

void check_disks(int n);
void check_disks(int n)
{
    for (int i = 0; i < n; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, check_disk, &i) != 0)
            continue;
        pthread_join(t, NULL);
    }
}
