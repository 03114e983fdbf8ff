/* CL001 positive: an accept loop starts one thread per connection with no
 * cap on live threads.
 * From shared case 01 (true bug), source: EZLippi/Tinyhttpd issue #5. Its
 * stack-escape-to-thread and thread-leak expectations are dropped (rules not
 * implemented). Every thread gets the address of the one `conn_fd` local that
 * the next accept() overwrites: that write (creator, after an earlier spawn)
 * and the read in serve_client() race with no lock, so CL002 is expected on
 * the thread-side read as well.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static void *serve_client(void *arg)
{
    int fd = *(int *)arg;   // expect: CL002
    char buf[512];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    return NULL;
}

int run_listener(int listen_fd)
{
    int conn_fd = -1;
    pthread_t tid;

    for (;;) { // expect-related: CL001 {{each 'accept' in this loop starts a thread}}
        conn_fd = accept(listen_fd, NULL, NULL);
        if (conn_fd < 0)
            continue;
        if (pthread_create(&tid, NULL, serve_client, &conn_fd) != 0) // expect: CL011 CL012 CL001 {{started for every 'accept' in the loop}}
            perror("pthread_create");
    }
    return 0;
}
