/* CL011 positive (multipathd's init_unwinder before its 0.13.1 fix, in
 * another shape): a probe starts a helper thread that only waits to be
 * cancelled, then cancels it and returns. The cancel stops the thread,
 * but nothing joins it: its stack stays allocated, once per probe.
 */
// class: cancel-without-join
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
    int rc = pthread_create(&helper, NULL, idle_helper, NULL); // expect: CL011
    if (rc != 0)
        return rc;
    return pthread_cancel(helper);
}

int main(void)
{
    for (int i = 0; i < 3; i++)
        if (probe_unwinder() != 0)
            return 1;
    return 0;
}
