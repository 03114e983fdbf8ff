/* Pattern: the twin of 860 where the loop's own increment also resets the
 * counter (`j++, count = 0`): every round fills slot 0 again while the
 * previous round's thread reads it.
 * Verdict: racy. A counter the loop header writes is no step counter.
 */
// class: slot-counter
#include <pthread.h>
#include <stdio.h>

#define MAXPATHS 8

struct slot {
    int path;
    int status;
};

static struct slot slots[MAXPATHS];

static void *send_one(void *arg)
{
    struct slot *s = arg;
    s->status = s->path * 2; // expect: CL002 {{races with write in 'main'}} CL002 {{races with itself}}
    return NULL;
}

int main(void)
{
    int count = 0;
    pthread_t ids[MAXPATHS];
    for (int j = 0; j < MAXPATHS; j++, count = 0) {
        slots[count].path = j;
        if (pthread_create(&ids[j], NULL, send_one, &slots[count]) != 0)
            return 1;
        count++;
    }
    for (int j = 0; j < MAXPATHS; j++)
        pthread_join(ids[j], NULL);
    printf("%d\n", slots[0].status);
    return 0;
}
