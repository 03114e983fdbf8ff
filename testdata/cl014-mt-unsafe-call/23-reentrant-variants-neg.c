/* CL014 negative: the workers use the reentrant variants with buffers of
 * their own: strtok_r, localtime_r, strerror_r, getpwnam_r, inet_ntop. */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

// expect-none

static void *worker(void *arg)
{
    char line[64], *save = NULL, msg[128], ip[INET_ADDRSTRLEN], pwbuf[1024];
    snprintf(line, sizeof line, "%s", (const char *)arg);
    for (char *t = strtok_r(line, " ", &save); t != NULL; t = strtok_r(NULL, " ", &save))
        (void)t;
    struct tm tm;
    time_t now = time(NULL);
    localtime_r(&now, &tm);
    if (strerror_r(EINVAL, msg, sizeof msg) != 0)
        msg[0] = '\0';
    struct in_addr a = { 0 };
    inet_ntop(AF_INET, &a, ip, sizeof ip);
    struct passwd pw, *res = NULL;
    getpwnam_r("nobody", &pw, pwbuf, sizeof pwbuf, &res);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, "GET / HTTP/1.0");
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
