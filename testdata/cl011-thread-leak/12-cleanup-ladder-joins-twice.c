/* CL011 positive: a cleanup ladder that joins the listener on the error
 * path and then falls through to the common exit, which joins it again. */
#include <pthread.h>
#include <stdatomic.h>

struct server {
    pthread_t listener;
    atomic_int stop;
    int fd;
};

static void *listen_main(void *arg)
{
    struct server *s = arg;
    while (!atomic_load(&s->stop))
        ;
    return NULL;
}

int load_config(struct server *s);

int server_run(struct server *s);
int server_run(struct server *s)
{
    int rc = 0;
    if (pthread_create(&s->listener, NULL, listen_main, s) != 0)
        return -1;
    if (load_config(s) != 0) {
        atomic_store(&s->stop, 1);
        pthread_join(s->listener, NULL); // expect-related: CL011 {{joined here first}}
        rc = -1;
        goto out;
    }
    atomic_store(&s->stop, 1);
out:
    pthread_join(s->listener, NULL); // expect: CL011 {{is joined twice}}
    return rc;
}
