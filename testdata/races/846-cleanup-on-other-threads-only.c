/* Pattern: the twin of 845 with the test the wrong way round: the cleanup
 * runs on every thread but main (`!pthread_equal(...)`), and main does its
 * own cleanup while the worker may still run.
 * Verdict: racy. The worker's cleanup and main's both write the output
 * name with no lock.
 */
// class: thread-identity
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_t main_thread;
static char *opathn;

static void cleanup(void)
{
    if (opathn != NULL) {
        unlink(opathn);
        opathn = NULL; // expect: CL002
    }
}

static void bailout(void)
{
    if (!pthread_equal(pthread_self(), main_thread)) {
        cleanup();
        pthread_exit(NULL);
    }
    _exit(1);
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
    cleanup();
    pthread_join(t, NULL);
    return 0;
}
