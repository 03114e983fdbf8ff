/* CL010 negative (a config cache): the file is read under the cache lock;
 * reads of a regular file do not wait for another party. A pipe in the
 * same program is read outside any lock.
 */
// class: pipe-io-under-lock
// expect-none
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static char cache[512];
static int fds[2];

static void *loader(void *arg)
{
    int fd = open("/etc/hostname", O_RDONLY);
    if (fd < 0)
        return NULL;
    pthread_mutex_lock(&cache_lock);
    read(fd, cache, sizeof cache - 1);
    pthread_mutex_unlock(&cache_lock);
    close(fd);
    return arg;
}

static void *listener(void *arg)
{
    char c;
    read(fds[0], &c, 1);
    pthread_mutex_lock(&cache_lock);
    cache[0] = c;
    pthread_mutex_unlock(&cache_lock);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    if (pipe(fds) != 0)
        return 1;
    pthread_create(&a, NULL, loader, NULL);
    pthread_create(&b, NULL, listener, NULL);
    write(fds[1], "x", 1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
