/* CL013, once: a copy pipeline's volatile stop flag is set by the reader
 * thread (end of input) and by the writer thread (a write error), and
 * polled by the writer (the reader's store under the block lock, which
 * the writer's poll does not take). The store/store race between the two setters is
 * the same defect as the store/read race (the flag is not atomic), so it
 * is one CL013 finding naming both stores, not a CL002 finding as well.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile int stop_copy; // expect: CL013
static char block[4096];
static pthread_mutex_t block_lock = PTHREAD_MUTEX_INITIALIZER;

static void *reader(void *arg)
{
    int fd = *(int *)arg;
    for (;;) {
        pthread_mutex_lock(&block_lock);
        ssize_t n = read(fd, block, sizeof block);
        if (n <= 0)
            stop_copy = 1;
        pthread_mutex_unlock(&block_lock);
        if (n <= 0)
            break;
    }
    return NULL;
}

static void *writer(void *arg)
{
    int fd = *(int *)arg;
    while (!stop_copy) {
        pthread_mutex_lock(&block_lock);
        ssize_t n = write(fd, block, sizeof block);
        pthread_mutex_unlock(&block_lock);
        if (n < 0) {
            perror("write");
            stop_copy = 1;
        }
    }
    return NULL;
}

int main(void)
{
    int in = 0, out = 1;
    pthread_t r, w;
    pthread_create(&r, NULL, reader, &in);
    pthread_create(&w, NULL, writer, &out);
    pthread_join(r, NULL);
    pthread_join(w, NULL);
    return 0;
}
