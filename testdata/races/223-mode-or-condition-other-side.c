/* Pattern: a log shipper whose senders only ship while the global
 * `link_state` is LINK_UP; the shared flush helper spills the batch to
 * disk when `link_state == LINK_DOWN || spill_always`. The `||` lets any
 * thread take the spill branch once the option is set, whatever its
 * link state.
 * Verdict: racy. A sender (link up, spill_always set) and main both bump
 * `spilled` without a lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: mode-conjuncts

enum { LINK_DOWN, LINK_UP };

static int link_state;
static int spill_always;
static unsigned long spilled;

static void flush_batch(int nrec)
{
    if (link_state == LINK_DOWN || spill_always)
        spilled += (unsigned long)nrec; // expect: CL002
}

static void *sender_main(void *arg)
{
    int nrec = *(int *)arg;
    if (link_state == LINK_UP)
        flush_batch(nrec);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t a, b;
    int n1 = 10, n2 = 20;
    (void)argv;
    spill_always = argc > 2;
    link_state = LINK_UP;
    pthread_create(&a, NULL, sender_main, &n1);
    pthread_create(&b, NULL, sender_main, &n2);
    flush_batch(1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu\n", spilled);
    return 0;
}
