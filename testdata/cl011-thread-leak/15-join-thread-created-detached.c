/* CL011 positive: the log shipper is created with a detached attribute,
 * and the flush path later tries to wait for it with pthread_join. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int shipped;

static void *ship_main(void *arg)
{
    (void)arg;
    atomic_store(&shipped, 1);
    return NULL;
}

int ship_and_wait(void);
int ship_and_wait(void)
{
    pthread_attr_t attr;
    pthread_t tid;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&tid, &attr, ship_main, NULL); // expect-related: CL011 {{started detached here}}
    pthread_attr_destroy(&attr);
    if (rc != 0)
        return -1;
    pthread_join(tid, NULL); // expect: CL011 {{joined but was created detached}}
    return atomic_load(&shipped);
}
