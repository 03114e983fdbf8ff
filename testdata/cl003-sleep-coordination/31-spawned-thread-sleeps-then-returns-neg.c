/* CL003 negative: a thread (not main) starts a helper, sleeps and returns
 * without reading anything the helper writes. Returning from a thread does
 * not end the process: the helper runs on. (A thread leak is another
 * rule's business.) main joins the supervisor.
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

void warm_dns_cache(void);               /* dns.c */

static void *prefetch_main(void *arg)
{
    (void)arg;
    warm_dns_cache();
    return NULL;
}

static void *supervisor_main(void *arg)
{
    pthread_t helper;
    (void)arg;
    if (pthread_create(&helper, NULL, prefetch_main, NULL) == 0)
        pthread_detach(helper);
    sleep(1);                            /* stagger the start-up load */
    return NULL;
}

int main(void)
{
    pthread_t sup;
    if (pthread_create(&sup, NULL, supervisor_main, NULL) != 0)
        return 1;
    return pthread_join(sup, NULL);
}
