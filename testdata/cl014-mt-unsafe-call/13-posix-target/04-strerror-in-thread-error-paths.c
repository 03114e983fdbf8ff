/* CL014 positive: the writer and the reader thread both report I/O
 * errors with strerror(), whose message buffer is static in POSIX (and
 * in older C libraries): one thread may print the other's message. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int spool_fd = -1;

static void *writer_main(void *arg)
{
    (void)arg;
    if (write(spool_fd, "x", 1) < 0)
        fprintf(stderr, "spool write: %s\n", strerror(errno)); // expect: CL014 {{'strerror' is not thread-safe}}
    return NULL;
}

static void *reader_main(void *arg)
{
    char c;
    (void)arg;
    if (read(spool_fd, &c, 1) < 0)
        fprintf(stderr, "spool read: %s\n", strerror(errno)); // expect: CL014 {{can run while 'strerror'}}
    return NULL;
}

int main(void)
{
    spool_fd = open("/tmp/spool", O_RDWR | O_CREAT, 0600);
    pthread_t w, r;
    pthread_create(&w, NULL, writer_main, NULL);
    pthread_create(&r, NULL, reader_main, NULL);
    pthread_join(w, NULL);
    pthread_join(r, NULL);
    close(spool_fd);
    return 0;
}
