/* Pattern: an acceptor pool: the listener fills one start record on its
 * stack for each worker (listening socket, index, name) and waits on a
 * semaphore in the record until the worker has copied it, then reuses the
 * record for the next worker.
 * Verdict: race-free. Only the workers post, once each, after their copy;
 * the count starts at 0, so the listener's k-th wait returns only after the
 * k workers started so far have posted (handshake at thread start).
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>

#define NWORKERS 4

struct start_rec {
    int listen_fd;
    int index;
    char name[16];
    sem_t copied;
};

static void serve(int fd, int index, const char *name)
{
    printf("%s/%d serving fd %d\n", name, index, fd);
}

static void *acceptor(void *arg)
{
    struct start_rec *rec = arg;
    int fd = rec->listen_fd;
    int index = rec->index;
    char name[16];
    memcpy(name, rec->name, sizeof name);
    sem_post(&rec->copied);
    serve(fd, index, name);
    return NULL;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    struct start_rec rec;
    sem_init(&rec.copied, 0, 0);
    for (int i = 0; i < NWORKERS; i++) {
        rec.listen_fd = 3;
        rec.index = i;
        snprintf(rec.name, sizeof rec.name, "acc%d", i);
        if (pthread_create(&tids[i], NULL, acceptor, &rec) != 0)
            break;
        sem_wait(&rec.copied);
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    sem_destroy(&rec.copied);
    return 0;
}
