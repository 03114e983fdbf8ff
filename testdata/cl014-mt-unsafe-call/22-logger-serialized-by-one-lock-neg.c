/* CL014 negative: every worker stamps log lines with localtime() and
 * copies the struct tm while holding log_lock; the stats thread's
 * gmtime() holds the same lock. One lock serializes all the calls that
 * share the static struct tm. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

// expect-none

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static void log_line(const char *msg)
{
    struct tm copy;
    time_t now = time(NULL);
    pthread_mutex_lock(&log_lock);
    copy = *localtime(&now);
    fprintf(stderr, "%02d:%02d %s\n", copy.tm_hour, copy.tm_min, msg);
    pthread_mutex_unlock(&log_lock);
}

static void *worker(void *arg)
{
    log_line(arg);
    return NULL;
}

static void *stats(void *arg)
{
    (void)arg;
    time_t now = time(NULL);
    pthread_mutex_lock(&log_lock);
    int h = gmtime(&now)->tm_hour;
    pthread_mutex_unlock(&log_lock);
    printf("%d\n", h);
    return NULL;
}

int main(void)
{
    pthread_t w[3], s;
    for (int i = 0; i < 3; i++)
        pthread_create(&w[i], NULL, worker, "request");
    pthread_create(&s, NULL, stats, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(w[i], NULL);
    pthread_join(s, NULL);
    return 0;
}
