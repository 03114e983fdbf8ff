/* CL010 negative: a POSIX semaphore initialized to 1 guards the route
 * table; every thread that posts it waited on it first (a lock). Taking it
 * while the stats mutex is held is lock nesting, not a wait for another
 * thread's event. */
#include <pthread.h>
#include <semaphore.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static sem_t table_sem;
static int routes[64];
static long lookups;

static int route_lookup(int key)
{
    sem_wait(&table_sem);
    int v = routes[key & 63];
    sem_post(&table_sem);
    return v;
}

static void *forwarder(void *arg)
{
    int key = *(int *)arg;
    pthread_mutex_lock(&stats_lock);
    lookups++;
    int hop = route_lookup(key); // expect-none
    pthread_mutex_unlock(&stats_lock);
    return (void *)(long)hop;
}

static void *updater(void *arg)
{
    int key = *(int *)arg;
    sem_wait(&table_sem);
    routes[key & 63] = key;
    sem_post(&table_sem);
    return NULL;
}

int main(void)
{
    static int k1 = 3, k2 = 5;
    pthread_t a, b;
    sem_init(&table_sem, 0, 1);
    pthread_create(&a, NULL, forwarder, &k1);
    pthread_create(&b, NULL, updater, &k2);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
