/* Pattern: pixz's pipeline: a setup function stores the callbacks it is
 * given in globals (`gSplit = split;`) and starts a reader thread that
 * calls through the global. The reader's callback appends to a list the
 * setup function also appends to, both without a lock.
 * Verdict: racy. A known miss: a function stored into a global from a
 * parameter is not followed (callgraph.c note_refs says why).
 */
// class: callback
#include <pthread.h>

typedef void (*split_fn)(void);

static split_fn gSplit;
static int nitems;

static void *read_thread(void *arg)
{
    (void)arg;
    gSplit();
    return NULL;
}

static void read_blocks(void)
{
    nitems++; // expect-todo: CL002
}

static void pipeline_create(split_fn split)
{
    pthread_t t;
    gSplit = split;
    pthread_create(&t, NULL, read_thread, NULL);
    nitems++;
    pthread_join(t, NULL);
}

int main(void)
{
    pipeline_create(read_blocks);
    return nitems;
}
