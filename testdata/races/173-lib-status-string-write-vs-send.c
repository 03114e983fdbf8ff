/* Pattern: a status string formatted by one thread and sent by another.
 * Verdict: racy. The updater formats `status` with snprintf under
 * status_lock; the reporter measures it with strlen and hands it to
 * write() without taking the lock: library reads of the buffer.
 */
// class: library-accesses
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char status[128];
static pthread_mutex_t status_lock = PTHREAD_MUTEX_INITIALIZER;

static void *updater(void *arg)
{
    for (int n = 0; n < 1000; n++) {
        pthread_mutex_lock(&status_lock);
        int len = snprintf(status, sizeof status, "processed %d", n); // expect-related: CL002
        if (len > 0 && (size_t)len < sizeof status - 2)
            strcpy(status + len, "!");
        pthread_mutex_unlock(&status_lock);
    }
    return arg;
}

static void report(int fd)
{
    size_t n = strlen(status); // expect: CL002 {{read of 'status' in 'report'}}
    if (write(fd, status, n) < 0)
        perror("write");
}

static void *reporter(void *arg)
{
    for (int i = 0; i < 10; i++) {
        report(1);
        sleep(1);
    }
    return arg;
}

int main(void)
{
    pthread_t u, r;
    pthread_create(&u, NULL, updater, NULL);
    pthread_create(&r, NULL, reporter, NULL);
    pthread_join(u, NULL);
    pthread_join(r, NULL);
    return 0;
}
