/* CL001 negative: the library starts its worker pool lazily: every public
 * entry point calls lib_once(&pool_once, start_pool), a project wrapper of
 * pthread_once. The pool routine runs once per process however many
 * requests arrive, so the threads it starts are bounded by the pool size.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#define POOL_SIZE 4

typedef pthread_once_t lib_once_t;

static void lib_once(lib_once_t *guard, void (*routine)(void))
{
    if (pthread_once(guard, routine) != 0)
        _exit(1);
}

static lib_once_t pool_once = PTHREAD_ONCE_INIT;
static pthread_t pool[POOL_SIZE];

static void *pool_worker(void *arg)
{
    (void)arg;
    return NULL;
}

static void start_pool(void)
{
    for (int i = 0; i < POOL_SIZE; i++)
        pthread_create(&pool[i], NULL, pool_worker, NULL);
}

static void submit(int fd)
{
    lib_once(&pool_once, start_pool);
    close(fd);
}

void serve(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            return;
        submit(fd);
    }
}
