/* CL003 negative: the sleep is followed by a join before anything the
 * thread writes is read. On shutdown main lets in-flight requests drain for
 * 200 ms (a user-visible grace period), then stop_worker() joins the worker;
 * only then is `served` read.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t srv_lock = PTHREAD_MUTEX_INITIALIZER;
static int quit;                         /* guarded by srv_lock */
static unsigned long served;             /* guarded by srv_lock */

int handle_one(void);                    /* handler.c: 0 when idle */

static void *worker_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&srv_lock);
        int q = quit;
        pthread_mutex_unlock(&srv_lock);
        if (q)
            break;
        if (handle_one() > 0) {
            pthread_mutex_lock(&srv_lock);
            served++;
            pthread_mutex_unlock(&srv_lock);
        }
    }
    return NULL;
}

static void stop_worker(pthread_t *t)
{
    pthread_mutex_lock(&srv_lock);
    quit = 1;
    pthread_mutex_unlock(&srv_lock);
    pthread_join(*t, NULL);
}

int main(void)
{
    pthread_t worker;
    if (pthread_create(&worker, NULL, worker_main, NULL) != 0)
        return 1;
    getchar();                           /* run until the operator hits enter */
    usleep(200 * 1000);
    stop_worker(&worker);
    printf("served %lu requests\n", served);
    return 0;
}
