/* CL001 negative: each request is split between two threads, but the
 * handler joins both before it returns to the recv() loop: at most two
 * helper threads are alive at any time.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>
#include <sys/socket.h>

struct half {
    const char *data;
    size_t len;
    unsigned sum;
};

static void *sum_half(void *arg)
{
    struct half *h = arg;
    unsigned s = 0;
    for (size_t i = 0; i < h->len; i++)
        s += (unsigned char)h->data[i];
    h->sum = s;
    return NULL;
}

static unsigned checksum_request(const char *buf, size_t len)
{
    struct half halves[2] = { { buf, len / 2, 0 }, { buf + len / 2, len - len / 2, 0 } };
    pthread_t tids[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&tids[i], NULL, sum_half, &halves[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(tids[i], NULL);
    return halves[0].sum + halves[1].sum;
}

void checksum_server(int fd)
{
    char buf[4096];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
        unsigned sum = checksum_request(buf, (size_t)n);
        send(fd, &sum, sizeof sum, 0);
    }
}
