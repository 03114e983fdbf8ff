/* CL001 positive: a recv loop counts live workers and compares the count
 * with a high-water mark, but only to log a warning: both alternatives of
 * the test go on to the spawn, so the test filters nothing and bounds
 * nothing. The spawn sits inside a `do { ... } while (0)` error-check macro,
 * which is not a loop (it must neither hide the spawn nor count as a bound).
 * Modelled on job runners that "monitor" their thread count.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define HIGH_WATER 512
#define CHECK(call, what)                                                     \
    do {                                                                      \
        if ((call) != 0) {                                                    \
            perror(what);                                                     \
            goto next;                                                        \
        }                                                                     \
    } while (0)

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned live_workers;             /* guarded by count_lock */

static void *work_main(void *arg)
{
    char *job = arg;
    fputs(job, stderr);
    free(job);
    pthread_mutex_lock(&count_lock);
    live_workers--;
    pthread_mutex_unlock(&count_lock);
    return NULL;
}

void job_listener(int fd)
{
    char buf[256];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf - 1, 0)) > 0) {
        buf[n] = '\0';
        char *job = strdup(buf);
        pthread_t tid;
        if (job == NULL)
            continue;
        pthread_mutex_lock(&count_lock);
        if (live_workers > HIGH_WATER)
            fprintf(stderr, "warning: %u live workers\n", live_workers);
        live_workers++;
        pthread_mutex_unlock(&count_lock);
        CHECK(pthread_create(&tid, NULL, work_main, job), "pthread_create"); // expect: CL001
        pthread_detach(tid);
        continue;
    next:
        free(job);
    }
}
