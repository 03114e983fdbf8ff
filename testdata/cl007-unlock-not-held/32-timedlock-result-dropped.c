/* CL007 positive (a journal writer with a deadline): the timedlock's
 * result is dropped; after a timeout the append runs without the lock
 * and the unlock releases a mutex this thread does not hold.
 */
// class: trylock-result-dropped
#include <pthread.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t journal_lock = PTHREAD_MUTEX_INITIALIZER;
static char journal[4096];
static size_t journal_len;

static void journal_append(const char *rec)
{
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += 2;
    pthread_mutex_timedlock(&journal_lock, &dl);
    size_t n = strlen(rec);
    if (journal_len + n < sizeof journal) {
        memcpy(journal + journal_len, rec, n); // expect: CL002
        journal_len += n; // expect: CL002
    }
    pthread_mutex_unlock(&journal_lock); // expect: CL007 {{'journal_lock' is unlocked on a path}}
}

static void *writer(void *arg)
{
    journal_append(arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, writer, "a");
    pthread_create(&b, NULL, writer, "b");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
