/* CL012 negative: the loop index's address, but the creator waits on a
 * semaphore the thread posts once it copied the index. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct start { sem_t copied; int id; };

static void *node_main(void *arg)
{
    struct start *s = arg;
    int id = s->id; // fp-todo: CL002 (the handshake orders it; CL002 does not see it in a loop)
    sem_post(&s->copied);
    printf("node %d\n", id);
    return NULL;
}

void start_nodes(pthread_t *t, int n);
void start_nodes(pthread_t *t, int n)
{
    struct start s;
    sem_init(&s.copied, 0, 0);
    for (int i = 0; i < n; i++) {
        s.id = i;
        if (pthread_create(&t[i], NULL, node_main, &s) == 0)
            sem_wait(&s.copied);
    }
    sem_destroy(&s.copied);
}
