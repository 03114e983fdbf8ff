/* Pattern: a parser thread recovers from errors with setjmp/longjmp.
 * Verdict: racy. parse_item() longjmps back to the worker's setjmp on bad
 * input; the recovery branch then counts the failure in `failures`
 * without a lock, while the other workers do the same: the branch after
 * setjmp returns non-zero runs.
 */
// class: noreturn-setjmp
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>

static long failures;
static long parsed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void parse_item(jmp_buf *on_error, const char *s)
{
    if (s[0] == '\0')
        longjmp(*on_error, 1);
}

static void *worker(void *arg)
{
    jmp_buf on_error;
    if (setjmp(on_error) != 0) {
        failures++; // expect: CL002 {{write to 'failures' in 'worker'}}
        return NULL;
    }
    parse_item(&on_error, arg);
    pthread_mutex_lock(&lock);
    parsed++;
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_create(&t[0], NULL, worker, "x");
    pthread_create(&t[1], NULL, worker, "");
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    printf("%ld %ld\n", parsed, failures);
    return 0;
}
