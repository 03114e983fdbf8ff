/* CL001 positive: one event loop starts two kinds of threads through the
 * same wrapper, depending on the message type.
 * Two calls to fix, two findings, each at its own call.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>

static void spawn_task(void *(*fn)(void *), void *arg)
{
    pthread_t t;
    if (pthread_create(&t, NULL, fn, arg) == 0)
        pthread_detach(t);
}

static void *do_upload(void *arg)
{
    free(arg);
    return NULL;
}

static void *do_query(void *arg)
{
    free(arg);
    return NULL;
}

void control_loop(int sock)
{
    for (;;) {
        unsigned char *msg = malloc(512);
        if (msg == NULL)
            continue;
        if (recv(sock, msg, 512, 0) <= 0) {
            free(msg);
            continue;
        }
        if (msg[0] == 'U')
            spawn_task(do_upload, msg); // expect: CL001 {{'do_upload'}}
        else
            spawn_task(do_query, msg); // expect: CL001 {{'do_query'}}
    }
}
