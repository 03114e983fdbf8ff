/* CL011 negative: the handle lives in the server object; server_stop
 * joins it later. */
// expect-none
#include <pthread.h>
#include <stdatomic.h>

struct server { pthread_t loop; atomic_int quit; };

static void *loop_main(void *arg)
{
    struct server *s = arg;
    while (!atomic_load(&s->quit))
        ;
    return NULL;
}

int server_start(struct server *s);
int server_start(struct server *s)
{
    atomic_store(&s->quit, 0);
    return pthread_create(&s->loop, NULL, loop_main, s) == 0 ? 0 : -1;
}

void server_stop(struct server *s);
void server_stop(struct server *s)
{
    atomic_store(&s->quit, 1);
    pthread_join(s->loop, NULL);
}
