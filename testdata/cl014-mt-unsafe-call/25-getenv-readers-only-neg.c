/* CL014 negative: the workers and main only read the environment with
 * getenv(); nothing changes it while they run, so the calls do not
 * conflict (setenv runs before the threads start). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// expect-none

static void *worker(void *arg)
{
    (void)arg;
    const char *dir = getenv("APP_CACHE_DIR");
    printf("%s\n", dir ? dir : "/tmp");
    return NULL;
}

int main(void)
{
    setenv("APP_CACHE_DIR", "/var/cache/app", 0);
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    const char *home = getenv("HOME");
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%s\n", home ? home : "?");
    return 0;
}
