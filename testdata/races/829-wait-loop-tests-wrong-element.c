/* Pattern: a wait-for-each loop with a copy-paste slip: each round locks
 * slot i's mutex and waits on slot i's condition variable, but tests
 * slot 0's status. Then main reads every slot's result.
 * Verdict: racy. Only slot 0's probe was waited for (and its status is
 * read under another slot's mutex): the other probes' result writes race
 * with main's reads.
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
    for (int i = 0; i < 8; i++) {
        pthread_mutex_lock(&slots[i].m);
        while (slots[0].st != S_DONE) // expect: CL002
            pthread_cond_wait(&slots[i].c, &slots[i].m);
        pthread_mutex_unlock(&slots[i].m);
    }
    long sum = 0;
    for (int i = 0; i < 8; i++)
        sum += slots[i].result;
    printf("%ld\n", sum);
    return 0;
}
