/* Pattern: a library's thread-safety switch that the program turns on
 * (lib_use_threads(), as libevent's evthread_use_pthreads()) before it
 * starts any thread, and never turns off; the library locks only when
 * the switch is on.
 * Verdict: race-free. The switch is 1 from before the first spawn on,
 * so every call of lib_next_id() in a thread takes lib_lock.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>

static int lib_threadsafe;
static pthread_mutex_t lib_lock = PTHREAD_MUTEX_INITIALIZER;
static long lib_ids;

static void lib_use_threads(void)
{
    lib_threadsafe = 1;
}

static long lib_next_id(void)
{
    long id;
    if (lib_threadsafe)
        pthread_mutex_lock(&lib_lock);
    id = ++lib_ids;
    if (lib_threadsafe)
        pthread_mutex_unlock(&lib_lock);
    return id;
}

static void *client(void *arg)
{
    for (int i = 0; i < 100; i++)
        lib_next_id();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    lib_use_threads();
    pthread_create(&a, NULL, client, NULL);
    pthread_create(&b, NULL, client, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(lib_ids & 1);
}
