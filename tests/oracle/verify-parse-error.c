/* A --verify case that no longer compiles (the declaration of `counter`
 * was lost in an edit): its `expect-none` must not pass on a partial
 * parse. Used by cli/verify-parse-error. */
#include <pthread.h>

// expect-none

static void *bump(void *arg)
{
    counter++;
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, bump, NULL);
    pthread_join(t, NULL);
    return 0;
}
