/* Pattern: an error path that updates a counter and then calls a
 * function declared noreturn (defined in another file).
 * Verdict: racy. Workers run `errors++` without a lock before calling
 * fatal(); fatal never returns, so the reset after it cannot run and is
 * not reported, but the increment before it can, in every worker.
 */
// class: noreturn-setjmp
#include <pthread.h>
#include <stdio.h>

_Noreturn void fatal(const char *what);

static long errors;
static long processed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    const char *input = arg;
    for (int i = 0; input[i] != '\0'; i++) {
        if (input[i] == '!') {
            errors++; // expect: CL002 {{write to 'errors' in 'worker'}}
            fatal("bad input");
            errors = 0;
        }
        pthread_mutex_lock(&lock);
        processed++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_create(&t[0], NULL, worker, "abc");
    pthread_create(&t[1], NULL, worker, "a!c");
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    printf("%ld %ld\n", processed, errors);
    return 0;
}
