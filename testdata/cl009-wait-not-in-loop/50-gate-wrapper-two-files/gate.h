/* A start gate: threads wait until the main thread opens it. */
// expect-none
#include <pthread.h>

struct gate {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int open;
    int waiting;
};

/* Waits once on the gate's condition; the caller holds g->mu and must
 * re-check g->open in a loop around the call. */
void gate_wait(struct gate *g);
void gate_open(struct gate *g);
