/* CL003 negative: the grace sleep is followed by a join on every path. The
 * shutdown code sleeps 100 ms for in-flight requests, then leaves through
 * the cleanup ladder, whose first label joins the worker before `served`
 * is read (goto cleanup, as in C daemons' shutdown paths).
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t stat_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long served;             /* guarded by stat_lock */
static int stopping;                     /* guarded by stat_lock */

int serve_one(void);                     /* server.c */

static void *worker_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&stat_lock);
        int stop = stopping;
        pthread_mutex_unlock(&stat_lock);
        if (stop)
            break;
        if (serve_one() == 0) {
            pthread_mutex_lock(&stat_lock);
            served++;
            pthread_mutex_unlock(&stat_lock);
        }
    }
    return NULL;
}

int main(void)
{
    pthread_t worker;
    if (pthread_create(&worker, NULL, worker_main, NULL) != 0)
        return 1;
    pthread_mutex_lock(&stat_lock);
    stopping = 1;
    pthread_mutex_unlock(&stat_lock);
    usleep(100 * 1000);
    goto join;
join:
    pthread_join(worker, NULL);
    pthread_mutex_lock(&stat_lock);
    printf("%lu requests\n", served);
    pthread_mutex_unlock(&stat_lock);
    return 0;
}
