/* Pattern: a log shipper starts one sender per destination with a single
 * heap-allocated start block, refilled for every destination; the wait for
 * the sender's copy is in a helper (wait_started), as libraries write it.
 * Verdict: race-free. The sender posts the block's semaphore once, after
 * copying; the starter's wait follows every spawn before the block is
 * refilled or freed (handshake at thread start).
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>

struct sender_start {
    const char *host;
    int port;
    sem_t ready;
};

static void wait_started(struct sender_start *st)
{
    while (sem_wait(&st->ready) != 0)
        ;
}

static void *sender(void *arg)
{
    struct sender_start *st = arg;
    const char *host = st->host;
    int port = st->port;
    sem_post(&st->ready);
    printf("shipping to %s:%d\n", host, port);
    return NULL;
}

int main(void)
{
    static const char *hosts[3] = { "a.example", "b.example", "c.example" };
    pthread_t tid[3];
    struct sender_start *st = malloc(sizeof *st);
    if (st == NULL)
        return 1;
    sem_init(&st->ready, 0, 0);
    for (int i = 0; i < 3; i++) {
        st->host = hosts[i];
        st->port = 514 + i;
        pthread_create(&tid[i], NULL, sender, st);
        wait_started(st);
    }
    for (int i = 0; i < 3; i++)
        pthread_join(tid[i], NULL);
    sem_destroy(&st->ready);
    free(st);
    return 0;
}
