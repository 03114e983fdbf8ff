/* Pattern: the twin of 837 where the setup function appends only after
 * it joined the reader thread.
 * Verdict: race-free.
 */
// class: callback
// expect-none
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
    nitems++;
}

static void pipeline_create(split_fn split)
{
    pthread_t t;
    gSplit = split;
    pthread_create(&t, NULL, read_thread, NULL);
    pthread_join(t, NULL);
    nitems++;
}

int main(void)
{
    pipeline_create(read_blocks);
    return nitems;
}
