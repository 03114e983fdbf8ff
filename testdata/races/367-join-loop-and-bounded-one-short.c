/* Pattern: a download tool starts a fixed MAX_FETCHERS threads, and its
 * join loop is capped by an off-by-one (`i < n && i < MAX_FETCHERS - 1`):
 * the last fetcher is never joined.
 * Verdict: racy. Main prints `bytes` without the lock while the last
 * fetcher may still be adding to it under `bytes_lock`.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: join-loop-bounds

#define MAX_FETCHERS 8

static unsigned long bytes;
static pthread_mutex_t bytes_lock = PTHREAD_MUTEX_INITIALIZER;

static void *fetch_main(void *arg)
{
    unsigned long chunk = (unsigned long)arg;
    for (int k = 0; k < 10; k++) {
        pthread_mutex_lock(&bytes_lock);
        bytes += chunk; // expect-related: CL002
        pthread_mutex_unlock(&bytes_lock);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t tid[MAX_FETCHERS];
    int n = argc > 1 ? atoi(argv[1]) : MAX_FETCHERS;
    int i;

    for (i = 0; i < MAX_FETCHERS; i++)
        pthread_create(&tid[i], NULL, fetch_main, (void *)(unsigned long)(i + 1));
    for (i = 0; i < n && i < MAX_FETCHERS - 1; i++)
        pthread_join(tid[i], NULL);
    printf("%lu\n", bytes); // expect: CL002
    return 0;
}
