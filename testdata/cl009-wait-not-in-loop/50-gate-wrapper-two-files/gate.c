/* CL009 across files: gate_wait() is a thin wrapper around the condition
 * wait; whether the wait is re-checked depends on its callers in another
 * file. The loader thread loops on the predicate (correct); the indexer
 * thread tests it once with an `if`, so a spurious wakeup lets it index
 * before the gate opened. Reported at the wait, with the indexer's call
 * in the thread flow.
 */
#include "gate.h"

void gate_wait(struct gate *g)
{
    g->waiting++;
    pthread_cond_wait(&g->cv, &g->mu); // expect: CL009 {{an 'if' tests it only once}}
    g->waiting--;
}

void gate_open(struct gate *g)
{
    pthread_mutex_lock(&g->mu);
    g->open = 1;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
}
