/* Pattern: C11 mutex array indexed by the worker's id, guarding a global.
 * Verdict: racy. Each worker locks bank_mtx[id] (its own element) and then
 * adds to the one shared `grand_total`: a lock picked by a per-thread index
 * is a different mutex in every thread.
 */
// class: lock-arrays
#include <stdint.h>
#include <stdio.h>
#include <threads.h>

#define NW 4
static mtx_t bank_mtx[NW];
static long branch_total[NW];
static long grand_total;

static int teller(void *arg)
{
    int id = (int)(intptr_t)arg;
    for (int i = 0; i < 1000; i++) {
        mtx_lock(&bank_mtx[id]);
        branch_total[id] += i;
        grand_total += i; // expect: CL002
        mtx_unlock(&bank_mtx[id]);
    }
    return 0;
}

int main(void)
{
    thrd_t t[NW];
    for (int i = 0; i < NW; i++)
        mtx_init(&bank_mtx[i], mtx_plain);
    for (int i = 0; i < NW; i++)
        thrd_create(&t[i], teller, (void *)(intptr_t)i);
    for (int i = 0; i < NW; i++)
        thrd_join(t[i], NULL);
    printf("%ld %ld\n", grand_total, branch_total[0]);
    return 0;
}
