/* CL008 positive: a trylock never waits, but a lock it got is held like
 * any other: the flusher trylocks the journal, then blocks on the index,
 * while the indexer holds the index and blocks on the journal. */
#include <pthread.h>

static pthread_mutex_t journal = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;
static int dirty, indexed;

static void *flusher(void *arg)
{
    (void)arg;
    if (pthread_mutex_trylock(&journal) == 0) {
        pthread_mutex_lock(&index_lock); // expect: CL008
        dirty = indexed;
        pthread_mutex_unlock(&index_lock);
        pthread_mutex_unlock(&journal);
    }
    return NULL;
}

static void *indexer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&index_lock);
    pthread_mutex_lock(&journal); // expect: CL008
    indexed = dirty + 1;
    pthread_mutex_unlock(&journal);
    pthread_mutex_unlock(&index_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, flusher, NULL);
    pthread_create(&b, NULL, indexer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
