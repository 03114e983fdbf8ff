/* Pattern: a log shipper with one heap start block and a handshake
 * semaphore, but the starter stamps the block (the start time, for its
 * own log line) between the spawn and the wait.
 * Verdict: racy. That write is after the spawn and before the wait that
 * the sender's post releases: the sender may be reading the block.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct sender_start {
    int port;
    long started_at;
    sem_t ready;
};

static void *sender(void *arg)
{
    struct sender_start *st = arg;
    int port = st->port;
    long at = st->started_at; // expect: CL002
    sem_post(&st->ready);
    printf("shipping to port %d since %ld\n", port, at);
    return NULL;
}

int main(void)
{
    pthread_t tid[3];
    struct sender_start *st = malloc(sizeof *st);
    if (st == NULL)
        return 1;
    sem_init(&st->ready, 0, 0);
    for (int i = 0; i < 3; i++) {
        st->port = 514 + i;
        pthread_create(&tid[i], NULL, sender, st);
        st->started_at = (long)time(NULL);
        sem_wait(&st->ready);
    }
    for (int i = 0; i < 3; i++)
        pthread_join(tid[i], NULL);
    free(st);
    return 0;
}
