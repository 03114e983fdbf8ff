/* CL010 negative (a static file server): the file a request names is read
 * into the cache under the cache lock; the accepted socket is a different
 * descriptor and is only written, from a copy, after the lock is released.
 */
// class: socket-io-under-lock
// expect-none
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static char cache[8192];
static ssize_t cached = -1;

static void *handler(void *arg)
{
    int lfd = (int)(intptr_t)arg;
    int sock = accept(lfd, NULL, NULL);
    if (sock < 0)
        return NULL;
    pthread_mutex_lock(&cache_lock);
    if (cached < 0) {
        int file = open("index.html", O_RDONLY);
        if (file >= 0) {
            cached = read(file, cache, sizeof cache);
            close(file);
        }
    }
    static _Thread_local char out[sizeof cache];
    ssize_t n = cached;
    if (n > 0)
        memcpy(out, cache, (size_t)n);
    pthread_mutex_unlock(&cache_lock);
    if (n > 0)
        write(sock, out, (size_t)n);
    close(sock);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, handler, (void *)(intptr_t)lfd);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
