/* CL012 negative: main's stack state for its workers (main's frame lives
 * until the process ends), and a loop whose round waits at a barrier the
 * worker reaches after it copied the index. */
#include <pthread.h>
#include <stdio.h>

struct grid { pthread_barrier_t go; int row; };

static void *row_main(void *arg)
{
    struct grid *g = arg;
    int row = g->row; // fp-todo: CL002 (the handshake orders it; CL002 does not see it in a loop)
    pthread_barrier_wait(&g->go);
    printf("row %d\n", row);
    return NULL;
}

int main(void)
{
    struct grid g;
    pthread_t t[3];
    pthread_barrier_init(&g.go, NULL, 2);
    for (int i = 0; i < 3; i++) {
        g.row = i;
        pthread_create(&t[i], NULL, row_main, &g);
        pthread_barrier_wait(&g.go);
    }
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
