/* CL006 positive: a spinlock-protected counter block; the slow path calls
 * a helper that takes the same spinlock. A spinning thread that holds the
 * lock spins forever.
 */
#include <pthread.h>

struct stats { pthread_spinlock_t lk; unsigned long pkts, drops; };
static struct stats st;

static void count_drop(struct stats *s)
{
    pthread_spin_lock(&s->lk);
    s->drops++;
    pthread_spin_unlock(&s->lk);
}

static void count_packet(struct stats *s, int ok)
{
    pthread_spin_lock(&s->lk);
    s->pkts++;
    if (!ok)
        count_drop(s); // expect: CL006 {{'s->lk'}}
    pthread_spin_unlock(&s->lk);
}

static void *rx(void *arg)
{
    for (int i = 0; i < 1000; i++)
        count_packet(&st, i % 7);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_spin_init(&st.lk, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&t, NULL, rx, NULL);
    pthread_join(t, NULL);
    return 0;
}
