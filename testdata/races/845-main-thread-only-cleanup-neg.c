/* Pattern: lbzip2's bailout(): an error path shared by every thread runs
 * the cleanup (unlink the half-written output) only on the main thread,
 * which stored its own id at start-up (`main_thread = pthread_self()`);
 * any other thread leaves with pthread_exit().
 * Verdict: race-free. The workers never reach the cleanup; only main
 * touches the output name.
 */
// class: thread-identity
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_t main_thread;
static char *opathn;

static void cleanup(void)
{
    if (opathn != NULL) {
        unlink(opathn);
        opathn = NULL;
    }
}

static void bailout(void)
{
    if (pthread_equal(pthread_self(), main_thread)) {
        cleanup();
        _exit(1);
    }
    pthread_exit(NULL);
}

static void *worker(void *arg)
{
    if (arg == NULL)
        bailout();
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    main_thread = pthread_self();
    opathn = argc > 1 ? argv[1] : "out.tmp";
    pthread_create(&t, NULL, worker, NULL);
    if (argc > 2)
        bailout();
    pthread_join(t, NULL);
    cleanup();
    return 0;
}
