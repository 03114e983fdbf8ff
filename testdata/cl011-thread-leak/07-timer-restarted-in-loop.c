/* CL011 positive: a watchdog restarted for each job into one global
 * handle; the earlier watchdog is neither joined nor detached. */
#include <pthread.h>
#include <unistd.h>

static pthread_t watchdog;

static void *watch_main(void *arg)
{
    sleep(1);
    return arg;
}

void run_jobs(int n);
void run_jobs(int n)
{
    for (int i = 0; i < n; i++) {
        if (pthread_create(&watchdog, NULL, watch_main, NULL) != 0) // expect: CL011 {{overwrites}}
            break;
        usleep(1000);
    }
}
