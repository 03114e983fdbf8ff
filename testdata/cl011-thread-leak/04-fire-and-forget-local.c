/* CL011 positive: a background flush started with a local handle that is
 * dropped on return: never joined, never detached. */
#include <pthread.h>
#include <unistd.h>

static void *flush_main(void *arg)
{
    fsync((int)(long)arg);
    return NULL;
}

void flush_async(int fd);
void flush_async(int fd)
{
    pthread_t t;
    pthread_create(&t, NULL, flush_main, (void *)(long)fd); // expect: CL011 {{reaches its end}}
}
