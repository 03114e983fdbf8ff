/* Pattern: multipath's reservation fan-out, the part that is a real bug.
 * Each slot of the spawn loop carries a pointer to the caller's one
 * request descriptor; after the first thread is started, the loop clears
 * a flag in that descriptor through the next slot's pointer, while the
 * first thread may be reading it.
 * Verdict: racy. Every slot's `req` points to the same descriptor (the
 * function's parameter), so the write in round 2 meets round 1's thread.
 */
// class: slot-counter
#include <pthread.h>

struct request {
    int flags;
};

struct slot {
    pthread_t id;
    struct request *req;
    int status;
};

static void *send_one(void *arg)
{
    struct slot *s = arg;
    s->status = s->req->flags & 1; // expect: CL002
    return NULL;
}

static int fan_out(struct request *req, int n)
{
    struct slot slots[4];
    int count = 0;
    for (int j = 0; j < n && j < 4; j++) {
        slots[count].req = req;
        if (count > 0)
            slots[count].req->flags &= ~1; // expect-related: CL002 {{conflicting write}}
        if (pthread_create(&slots[count].id, NULL, send_one, &slots[count]) != 0)
            break;
        count++;
    }
    int st = 0;
    for (int i = 0; i < count; i++) {
        pthread_join(slots[i].id, NULL);
        st += slots[i].status;
    }
    return st;
}

int main(void)
{
    static struct request r = { 1 };
    return fan_out(&r, 3);
}
