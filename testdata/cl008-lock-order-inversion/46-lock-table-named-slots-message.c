/* CL008 positive, and the message's check: a table of locks indexed by
 * named constants (stunnel's stunnel_locks[LOCK_SECTIONS]): two threads
 * take two of its slots in opposite orders (each edge reported at its
 * inner acquisition). The message names the slots
 * ('locks[1]', 'locks[0]'), not 'locks[]' twice, which would not say
 * which order is which.
 */
#include <pthread.h>

enum { LOCK_SECTIONS, LOCK_LOG_MODE, LOCK_COUNT };

static pthread_mutex_t locks[LOCK_COUNT] = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER };
static int sections, log_mode;

static void *reloader(void *arg)
{
    pthread_mutex_lock(&locks[LOCK_SECTIONS]);
    pthread_mutex_lock(&locks[LOCK_LOG_MODE]); // expect: CL008 {{'locks[1]' is taken while 'locks[0]' is held}}
    sections++;
    log_mode = 1;
    pthread_mutex_unlock(&locks[LOCK_LOG_MODE]);
    pthread_mutex_unlock(&locks[LOCK_SECTIONS]);
    return arg;
}

static void *logger(void *arg)
{
    pthread_mutex_lock(&locks[LOCK_LOG_MODE]);
    pthread_mutex_lock(&locks[LOCK_SECTIONS]); // expect: CL008 {{'locks[0]' is taken while 'locks[1]' is held}}
    log_mode = 0;
    sections--;
    pthread_mutex_unlock(&locks[LOCK_SECTIONS]);
    pthread_mutex_unlock(&locks[LOCK_LOG_MODE]);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, reloader, NULL);
    pthread_create(&b, NULL, logger, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
