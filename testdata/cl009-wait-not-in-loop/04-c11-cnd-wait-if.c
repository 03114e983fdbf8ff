/* CL009 positive: C11 threads, a job slot consumed after an `if`-guarded
 * cnd_wait inside an endless worker loop. */
#include <stdlib.h>
#include <threads.h>

static mtx_t slot_lock;
static cnd_t slot_full;
static int *slot;

static int worker(void *arg)
{
    long total = 0;
    (void)arg;
    for (;;) {
        mtx_lock(&slot_lock);
        if (slot == NULL)
            cnd_wait(&slot_full, &slot_lock); // expect: CL009
        int *job = slot;
        slot = NULL;
        mtx_unlock(&slot_lock);
        if (*job < 0)
            break;
        total += *job;
        free(job);
    }
    return (int)total;
}

int main(void)
{
    thrd_t t;
    mtx_init(&slot_lock, mtx_plain);
    cnd_init(&slot_full);
    thrd_create(&t, worker, NULL);
    int *j = malloc(sizeof *j);
    if (j == NULL)
        return 1;
    *j = -1;
    mtx_lock(&slot_lock);
    slot = j;
    cnd_signal(&slot_full);
    mtx_unlock(&slot_lock);
    thrd_join(t, NULL);
    return 0;
}
