/* Pattern: condition variable hand-off, data read after unlocking.
 * Verdict: race-free. The loader writes `blob` once, then sets `loaded`
 * under m and signals; it never writes `blob` again. The waiter observes
 * `loaded` under m and reads `blob` after unlocking. The loader's unlock
 * happens before the waiter's lock, so the write of `blob` is ordered
 * before the read even though the read holds no lock.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int loaded;
static char blob[64];

static void *loader(void *arg)
{
    memset(blob, 'x', sizeof blob - 1);
    pthread_mutex_lock(&m);
    loaded = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&m);
    return arg;
}

static void *user(void *arg)
{
    pthread_mutex_lock(&m);
    while (!loaded)
        pthread_cond_wait(&cv, &m);
    pthread_mutex_unlock(&m);
    printf("%zu\n", strlen(blob));
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, user, NULL);
    pthread_create(&b, NULL, loader, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
