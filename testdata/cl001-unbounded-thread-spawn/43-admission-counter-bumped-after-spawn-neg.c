/* CL001 negative: the acceptor admits at most MAX_UPLOADS upload threads
 * over the life of the process. The admission test reads `uploads_started`
 * before the spawn and the counter advances right after it, in the same
 * iteration; only the acceptor thread touches the counter, so no lock is
 * needed and every thread it starts was admitted by the test.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_UPLOADS 8

static unsigned uploads_started;

static void *receive_upload(void *arg)
{
    int fd = (int)(long)arg;
    char buf[4096];
    while (read(fd, buf, sizeof buf) > 0)
        ;
    close(fd);
    return NULL;
}

void upload_acceptor(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        if (uploads_started >= MAX_UPLOADS) {
            static const char busy[] = "503 upload quota reached\r\n";
            (void)write(fd, busy, sizeof busy - 1);
            close(fd);
            continue;
        }
        pthread_t t;
        if (pthread_create(&t, NULL, receive_upload, (void *)(long)fd) != 0) {
            close(fd);
            continue;
        }
        pthread_detach(t);
        uploads_started++;
    }
}
