/* CL010 positive (a log collector): the collector thread makes a pipe for
 * a child stage and, under the collector lock, gathers the stage's output
 * with readv, which waits until the stage writes.
 */
// class: pipe-io-under-lock
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t collect_lock = PTHREAD_MUTEX_INITIALIZER;
static char body[256];
static long collected;

static void *collector(void *arg)
{
    int fds[2];
    if (pipe(fds) != 0)
        return NULL;
    pthread_mutex_lock(&collect_lock);
    ssize_t n = read(fds[0], body, sizeof body); // expect: CL010 {{'read' can block}}
    if (n > 0)
        collected += n;
    pthread_mutex_unlock(&collect_lock);
    close(fds[0]);
    close(fds[1]);
    return arg;
}

static void *reporter(void *arg)
{
    pthread_mutex_lock(&collect_lock);
    long c = collected;
    pthread_mutex_unlock(&collect_lock);
    return (void *)c;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, collector, NULL);
    pthread_create(&b, NULL, reporter, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
