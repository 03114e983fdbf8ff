/* CL011 negative, the twin of 74: the probe cancels the helper and then
 * joins it, which releases its stack.
 */
// class: cancel-without-join
// expect-none
#include <pthread.h>
#include <unistd.h>

static void *idle_helper(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

static int probe_unwinder(void)
{
    pthread_t helper;
    int rc = pthread_create(&helper, NULL, idle_helper, NULL);
    if (rc != 0)
        return rc;
    rc = pthread_cancel(helper);
    pthread_join(helper, NULL);
    return rc;
}

int main(void)
{
    for (int i = 0; i < 3; i++)
        if (probe_unwinder() != 0)
            return 1;
    return 0;
}
