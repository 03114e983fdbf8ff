/* Pattern: a tool whose "--check" option stores a mode and runs a check
 * that starts helper threads only in another mode; the helpers write the
 * statistics main prints afterwards.
 * Verdict: race-free: the mode stored just before run_check decides its
 * test, so the check starts no helper, and main's read of `checked` has
 * nobody to race with.
 */
// class: stored-mode
// expect-none
#include <pthread.h>
#include <string.h>

enum { RUN_NONE, RUN_DRY, RUN_PARALLEL };

static int run_mode;
static long checked;

static void *check_helper(void *arg)
{
    (void)arg;
    checked++;
    return NULL;
}

static void run_check(void)
{
    pthread_t t;
    if (run_mode != RUN_PARALLEL) {
        checked = 0;
        return;
    }
    if (pthread_create(&t, NULL, check_helper, NULL) == 0)
        pthread_detach(t);
}

int main(int argc, char **argv)
{
    run_mode = RUN_NONE;
    if (argc > 1 && strcmp(argv[1], "--check") == 0) {
        run_mode = RUN_DRY;
        run_check();
        return (int)checked;
    }
    if (argc > 1 && strcmp(argv[1], "--parallel") == 0)
        run_mode = RUN_PARALLEL;
    return run_mode == RUN_NONE;
}
