/* CL014 two-file case: worker pool and maintenance thread, both logging
 * through log.c. */
#include <pthread.h>

#include "log.h"

// expect-none

enum { NWORKERS = 4 };

static void *worker(void *arg)
{
    (void)arg;
    log_info("request served");
    return NULL;
}

static void *maintenance(void *arg)
{
    (void)arg;
    log_utc_banner();
    log_info("compaction done");
    return NULL;
}

int main(void)
{
    pthread_t w[NWORKERS], m;
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&w[i], NULL, worker, NULL);
    pthread_create(&m, NULL, maintenance, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(w[i], NULL);
    pthread_join(m, NULL);
    return 0;
}
