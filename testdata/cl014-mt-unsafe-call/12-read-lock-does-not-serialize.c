/* CL014 positive: the formatting threads hold the configuration's rwlock
 * in read mode around ctime(): readers run together, so the lock does not
 * serialize the calls that share ctime's static string. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_rwlock_t cfg_lock = PTHREAD_RWLOCK_INITIALIZER;
static time_t cfg_loaded;

static void *formatter(void *arg)
{
    (void)arg;
    pthread_rwlock_rdlock(&cfg_lock);
    printf("config from %s", ctime(&cfg_loaded)); // expect: CL014 {{'ctime' is not thread-safe}}
    pthread_rwlock_unlock(&cfg_lock);
    return NULL;
}

int main(void)
{
    cfg_loaded = time(NULL);
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, formatter, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
