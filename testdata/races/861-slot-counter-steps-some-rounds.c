/* Pattern: the twin of 860 where the counter steps only on even rounds
 * (a batching change gone wrong): an odd round fills the slot the previous
 * round's thread is still reading and starts a second thread on it.
 * Verdict: racy. The next round's write of `path` meets the running
 * thread's read of it, and two threads started on one slot both write its
 * `status`.
 */
// class: slot-counter
#include <pthread.h>
#include <stdio.h>

#define MAXPATHS 8

struct slot {
    pthread_t id;
    int path;
    int status;
};

static struct slot slots[MAXPATHS];

static void *send_one(void *arg)
{
    struct slot *s = arg;
    s->status = s->path * 2; // expect: CL002 {{races with itself}} CL002 {{races with write in 'main'}}
    return NULL;
}

int main(void)
{
    int count = 0;
    pthread_t ids[MAXPATHS];
    for (int j = 0; j < MAXPATHS; j++) {
        slots[count].path = j; // expect-related: CL002 {{conflicting write of 'slots[].path'}}
        if (pthread_create(&ids[j], NULL, send_one, &slots[count]) != 0)
            return 1;
        if (j % 2 == 0)
            count++;
    }
    for (int j = 0; j < MAXPATHS; j++)
        pthread_join(ids[j], NULL);
    printf("%d\n", slots[0].status);
    return 0;
}
