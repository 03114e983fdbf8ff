/* CL012 negative: an accept loop that gives each thread its own heap copy
 * of the descriptor (the fix of the classic bug). */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static void *conn_main(void *arg)
{
    int fd = *(int *)arg;
    free(arg);
    close(fd);
    return NULL;
}

void accept_some(int lfd, int n);
void accept_some(int lfd, int n)
{
    pthread_t t[8];
    int started = 0;
    for (int k = 0; k < n && k < 8; k++) {
        int cfd = accept(lfd, NULL, NULL);
        int *p = cfd < 0 ? NULL : malloc(sizeof *p);
        if (p == NULL)
            continue;
        *p = cfd;
        if (pthread_create(&t[started], NULL, conn_main, p) == 0)
            started++;
        else
            free(p);
    }
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
}
