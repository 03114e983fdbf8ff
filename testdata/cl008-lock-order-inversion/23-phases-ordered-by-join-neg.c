/* CL008 negative: the loader runs and is joined before the server thread
 * starts; their opposite orders can never overlap. */
// expect-none
#include <pthread.h>

static pthread_mutex_t db_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t idx_lock = PTHREAD_MUTEX_INITIALIZER;
static int rows, keys;

static void *loader(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&db_lock);
    pthread_mutex_lock(&idx_lock);
    rows = keys = 10;
    pthread_mutex_unlock(&idx_lock);
    pthread_mutex_unlock(&db_lock);
    return NULL;
}

static void *server(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&idx_lock);
    pthread_mutex_lock(&db_lock);
    keys = rows;
    pthread_mutex_unlock(&db_lock);
    pthread_mutex_unlock(&idx_lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, loader, NULL);
    pthread_join(t, NULL);
    pthread_create(&t, NULL, server, NULL);
    pthread_join(t, NULL);
    return 0;
}
