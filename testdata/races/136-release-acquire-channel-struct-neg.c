/* Pattern: release/acquire publication through an _Atomic field of the
 * same struct, via helper functions: the sender fills the payload and
 * stores `full` with memory_order_release; the receiver spins on an
 * acquire load of `full` and reads the payload after seeing it set.
 * A second channel does the same with relaxed accesses and fences: a
 * release fence before the relaxed store of `ready`, an acquire fence
 * after the loop that saw it set.
 * Verdict: race-free. The release store synchronizes with the acquire load
 * that reads it (C11 5.1.2.4), and a release fence before a relaxed store
 * with an acquire fence after a relaxed load that reads it (C11 7.17.4):
 * the payload writes happen before the reads.
 */
// class: release-acquire
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

struct channel {
    int data[4];
    int len;
    atomic_int full;
};

static struct channel chan;
static long fenced_data;
static atomic_int fenced_ready;

static void send_all(struct channel *c)
{
    for (int i = 0; i < 4; i++)
        c->data[i] = i * i;
    c->len = 4;
    atomic_store_explicit(&c->full, 1, memory_order_release);
}

static int receive_sum(struct channel *c)
{
    while (atomic_load_explicit(&c->full, memory_order_acquire) == 0)
        ;
    int s = 0;
    for (int i = 0; i < c->len; i++)
        s += c->data[i];
    return s;
}

static void *sender(void *arg)
{
    send_all(&chan);
    fenced_data = 77;
    atomic_thread_fence(memory_order_release);
    atomic_store_explicit(&fenced_ready, 1, memory_order_relaxed);
    return arg;
}

static void *receiver(void *arg)
{
    printf("%d\n", receive_sum(&chan));
    while (!atomic_load_explicit(&fenced_ready, memory_order_relaxed))
        ;
    atomic_thread_fence(memory_order_acquire);
    printf("%ld\n", fenced_data);
    return arg;
}

int main(void)
{
    pthread_t s, r;
    pthread_create(&r, NULL, receiver, NULL);
    pthread_create(&s, NULL, sender, NULL);
    pthread_join(s, NULL);
    pthread_join(r, NULL);
    return 0;
}
