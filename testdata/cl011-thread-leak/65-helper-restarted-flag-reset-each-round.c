/* CL011 positive: the loop starts a prefetch helper when `prefetching` is
 * clear and sets it, but clears it again at the end of every round
 * without joining: the next round starts another helper into the same
 * handle, and the earlier one is never joined. The once-flag is reset in
 * the same function, so it does not make the start one-shot.
 */
#include <pthread.h>
#include <unistd.h>

static int prefetching;
static pthread_t helper;

static void *prefetch(void *arg)
{
    return arg;
}

void copy_blocks(int in, int out)
{
    char buf[4096];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (!prefetching) {
            prefetching = 1;
            pthread_create(&helper, NULL, prefetch, NULL); // expect: CL011
        }
        if (write(out, buf, (size_t)n) != n)
            break;
        prefetching = 0;
    }
}
