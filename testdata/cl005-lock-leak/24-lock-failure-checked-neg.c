/* CL005 negative: the result of pthread_mutex_lock is checked; the error
 * path returns without the lock (the lock call failed), the other path
 * unlocks.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long lines;

static int log_line(const char *s)
{
    int rc = pthread_mutex_lock(&log_lock);
    if (rc != 0) {
        fprintf(stderr, "log_line: lock failed: %d\n", rc);
        return rc;
    }
    lines++;
    puts(s);
    pthread_mutex_unlock(&log_lock);
    return 0;
}

static void *talker(void *arg)
{
    for (int i = 0; i < 10; i++)
        log_line(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, talker, "hello");
    log_line("main");
    pthread_join(t, NULL);
    return 0;
}
