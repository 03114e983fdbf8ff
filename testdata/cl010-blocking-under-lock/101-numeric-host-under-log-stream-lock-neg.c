/* CL010 negative: the access log is written a record at a time under the
 * stream's lock (flockfile); the client's address is formatted with
 * getnameinfo(.., NI_NUMERICHOST), which only formats the address and
 * asks no name server, so nothing slow happens under the lock
 * (civetweb's mg_cry_internal_impl).
 */
// expect-none
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>

static FILE *access_log;

static void log_client(const struct sockaddr *sa, socklen_t len, const char *what)
{
    char host[NI_MAXHOST];
    flockfile(access_log);
    if (getnameinfo(sa, len, host, sizeof host, NULL, 0, NI_NUMERICHOST) != 0)
        host[0] = '\0';
    fprintf(access_log, "[client %s] %s\n", host, what);
    funlockfile(access_log);
}

static void *client_thread(void *arg)
{
    struct sockaddr_storage ss = { 0 };
    log_client((struct sockaddr *)&ss, sizeof ss, arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    access_log = stderr;
    pthread_create(&a, NULL, client_thread, "GET /");
    pthread_create(&b, NULL, client_thread, "GET /index.html");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
