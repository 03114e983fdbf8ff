/* Pattern: multipath's reservation fan-out. One thread per usable path:
 * the loop skips unusable paths with `continue` before it touches a slot,
 * fills slot `count` (a counter apart from the loop's index), starts the
 * thread on it and steps the counter at the end of the round; a second
 * loop joins the `count` threads and reads their results.
 * Verdict: race-free. Every round that starts a thread steps the counter
 * before the next round, so each thread owns its slot; the results are
 * read after the joins.
 */
// class: slot-counter
// expect-none
#include <pthread.h>
#include <stdio.h>

#define MAXPATHS 8

struct slot {
    pthread_t id;
    int path;
    int status;
};

static struct slot slots[MAXPATHS];
static int usable[MAXPATHS] = { 1, 0, 1, 1, 0, 1, 0, 1 };

static void *send_one(void *arg)
{
    struct slot *s = arg;
    s->status = s->path * 2;
    return NULL;
}

int main(void)
{
    int count = 0;
    for (int j = 0; j < MAXPATHS; j++) {
        if (!usable[j])
            continue;
        slots[count].path = j;
        if (pthread_create(&slots[count].id, NULL, send_one, &slots[count]) != 0)
            return 1;
        count = count + 1;
    }
    int total = 0;
    for (int i = 0; i < count; i++) {
        pthread_join(slots[i].id, NULL);
        total += slots[i].status;
    }
    printf("%d\n", total);
    return 0;
}
