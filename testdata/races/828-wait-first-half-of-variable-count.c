/* Pattern: 825 with a variable count: one probe thread per slot for the
 * first `n` slots, and main waits for the first `n / 2` only before it
 * reads every slot's result.
 * Verdict: racy. The probes of the second half were never waited for.
 * Known miss: the model takes `i < n / 2` and `i < n` for the same range
 * (both read `i` and `n`; the IR keeps no arithmetic), as it does for
 * join loops, so the wait looks like it covers every instance.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

enum { S_NONE = 0, S_DONE = 2 };

struct slot {
    pthread_mutex_t m;
    pthread_cond_t c;
    int st;
    long result;
};

static struct slot slots[8];
static int n = 8;

static void *probe(void *arg)
{
    struct slot *s = arg;
    s->result = 42; // expect-todo: CL002
    pthread_mutex_lock(&s->m);
    s->st = S_DONE;
    pthread_cond_signal(&s->c);
    pthread_mutex_unlock(&s->m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    for (int i = 0; i < n; i++) {
        pthread_mutex_init(&slots[i].m, NULL);
        pthread_cond_init(&slots[i].c, NULL);
        pthread_create(&t, NULL, probe, &slots[i]);
        pthread_detach(t);
    }
    for (int i = 0; i < n / 2; i++) {
        pthread_mutex_lock(&slots[i].m);
        while (slots[i].st != S_DONE)
            pthread_cond_wait(&slots[i].c, &slots[i].m);
        pthread_mutex_unlock(&slots[i].m);
    }
    long sum = 0;
    for (int i = 0; i < 8; i++)
        sum += slots[i].result;
    printf("%ld\n", sum);
    return 0;
}
