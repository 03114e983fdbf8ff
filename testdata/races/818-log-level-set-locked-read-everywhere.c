/* A log level that the reload path sets under the configuration lock and
 * that every logging call reads without it, from three threads' code
 * (multipathd's libmp_verbosity): one variable guarded inconsistently,
 * one finding, at the first unlocked read, with the other reads as
 * related races.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;
static int log_level = 2;

#define log_at(lvl, msg) do { if ((lvl) <= log_level) fputs(msg, stderr); } while (0)

static void *listener(void *arg)
{
    (void)arg;
    for (;;) {
        log_at(3, "listener: poll\n"); // expect: CL002
        sleep(1);
    }
    return NULL;
}

static void *checker(void *arg)
{
    (void)arg;
    for (;;) {
        log_at(4, "checker: tick\n");
        sleep(2);
    }
    return NULL;
}

static void *events(void *arg)
{
    (void)arg;
    for (;;) {
        log_at(4, "events: wait\n");
        sleep(3);
    }
    return NULL;
}

static void reload(int level)
{
    pthread_mutex_lock(&config_lock);
    log_level = level;
    pthread_mutex_unlock(&config_lock);
}

int main(void)
{
    pthread_t t[3];
    pthread_create(&t[0], NULL, listener, NULL);
    pthread_create(&t[1], NULL, checker, NULL);
    pthread_create(&t[2], NULL, events, NULL);
    int c;
    while ((c = getchar()) != EOF)
        if (c >= '0' && c <= '9')
            reload(c - '0');
    return 0;
}
