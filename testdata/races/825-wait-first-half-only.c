/* Pattern: eight probe threads, one per slot of a static table; the main
 * thread waits for the status of the first four slots only (a loop over a
 * shorter range) and then reads every slot's result.
 * Verdict: racy. The probes of slots 4..7 were never waited for; their
 * result writes race with main's reads.
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

static void *probe(void *arg)
{
    struct slot *s = arg;
    s->result = 42; // expect: CL002
    pthread_mutex_lock(&s->m);
    s->st = S_DONE;
    pthread_cond_signal(&s->c);
    pthread_mutex_unlock(&s->m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    for (int i = 0; i < 8; i++) {
        pthread_mutex_init(&slots[i].m, NULL);
        pthread_cond_init(&slots[i].c, NULL);
        pthread_create(&t, NULL, probe, &slots[i]);
        pthread_detach(t);
    }
    for (int i = 0; i < 4; i++) {
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
