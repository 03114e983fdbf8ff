/* CL011 positive: the start result is stored per slot, but a later loop
 * reuses the field as the slot's status before the joining loop reads it,
 * so the test no longer says whether the thread started: the threads of
 * slots marked busy are never joined. */
#include <pthread.h>

struct conn {
    pthread_t reader;
    int state;
    int fd;
};

static void *reader_main(void *p)
{
    struct conn *c = p;
    c->fd = -1;
    return NULL;
}

int serve_batch(int n, const int *fds);
int serve_batch(int n, const int *fds)
{
    struct conn conns[4];
    if (n > 4)
        return -1;
    for (int i = 0; i < n; i++) {
        conns[i].fd = fds[i];
        conns[i].state = pthread_create(&conns[i].reader, NULL, reader_main, &conns[i]); // expect: CL011 CL012
    }
    for (int i = 0; i < n; i++)
        conns[i].state = fds[i] > 2 ? 1 : 0;
    int busy = 0;
    for (int i = 0; i < n; i++) {
        if (conns[i].state == 0)
            pthread_join(conns[i].reader, NULL);
        else
            busy++;
    }
    return busy;
}
