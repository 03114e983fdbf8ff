/* Pattern: an acceptor pool with a start record on the listener's stack and
 * a semaphore in the record, but the worker posts before it reads the
 * record (the post was moved up "to start faster").
 * Verdict: racy. The listener's wait returns at the post, and it refills
 * the record for the next worker while this one still reads it.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct start_rec {
    int listen_fd;
    int index;
    sem_t copied;
};

static void *acceptor(void *arg)
{
    struct start_rec *rec = arg;
    sem_post(&rec->copied);
    int fd = rec->listen_fd;
    int index = rec->index;
    printf("%d serving fd %d\n", index, fd);
    return NULL;
}

int main(void)
{
    pthread_t tids[4];
    struct start_rec rec;
    sem_init(&rec.copied, 0, 0);
    for (int i = 0; i < 4; i++) {
        rec.listen_fd = 3; // expect: CL002
        rec.index = i;
        pthread_create(&tids[i], NULL, acceptor, &rec);
        sem_wait(&rec.copied);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(tids[i], NULL);
    sem_destroy(&rec.copied);
    return 0;
}
