/* CL002 positive: an rwlock read lock does not make a write safe. Lookups
 * take route_lock for reading (several at once) and then bump the entry's
 * `hits` counter: readers run together, so that write races with itself.
 * The admin thread changes routes under the write lock (correct).
 */
#include <pthread.h>
#include <string.h>

#define NROUTES 32
#define NWORKERS 4

struct route { char prefix[32]; int backend; unsigned long hits; };

static pthread_rwlock_t route_lock = PTHREAD_RWLOCK_INITIALIZER;
static struct route routes[NROUTES];     /* guarded by route_lock */

static int route_lookup(const char *path)
{
    int backend = -1;
    pthread_rwlock_rdlock(&route_lock);
    for (int i = 0; i < NROUTES; i++) {
        if (routes[i].prefix[0] != '\0'
            && strncmp(path, routes[i].prefix, strlen(routes[i].prefix)) == 0) {
            backend = routes[i].backend;
            routes[i].hits++; // expect: CL002
            break;
        }
    }
    pthread_rwlock_unlock(&route_lock);
    return backend;
}

static void *worker_main(void *arg)
{
    for (int i = 0; i < 100000; i++)
        route_lookup(i % 2 ? "/api/v1/users" : (const char *)arg);
    return NULL;
}

static void *admin_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        pthread_rwlock_wrlock(&route_lock);
        routes[i % NROUTES].backend = i;
        strcpy(routes[i % NROUTES].prefix, "/api/");
        pthread_rwlock_unlock(&route_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t workers[NWORKERS], admin;
    pthread_create(&admin, NULL, admin_main, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, worker_main, (void *)"/static/");
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    pthread_join(admin, NULL);
    return 0;
}
