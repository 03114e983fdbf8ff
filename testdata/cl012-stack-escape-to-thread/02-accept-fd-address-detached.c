/* CL012 positive: an accept loop passes the address of its one descriptor
 * variable and detaches the thread; the next accept() overwrites it before
 * the handler has read it (EZLippi/Tinyhttpd issue #5 shape). */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static void *handle_conn(void *arg)
{
    int fd = *(int *)arg; // expect: CL002
    char buf[256];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0)
        write(fd, buf, (size_t)n);
    close(fd);
    return NULL;
}

void serve(int lfd);
void serve(int lfd)
{
    int cfd;
    pthread_t tid;
    while ((cfd = accept(lfd, NULL, NULL)) >= 0) { // expect-related: CL012 {{'cfd' is written again here}}
        if (pthread_create(&tid, NULL, handle_conn, &cfd) == 0) // expect: CL001 CL012 {{'cfd'}}
            pthread_detach(tid);
        else
            close(cfd);
    }
}
