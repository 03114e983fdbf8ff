/* CL008 positive (a storage engine): each worker kind takes its own lock
 * and calls a helper that takes the next one, in three translation-unit
 * style layers: index -> journal (writer), journal -> cache (syncer),
 * cache -> index (evictor). The cycle goes through the helpers.
 */
// class: three-lock-cycle
#include <pthread.h>

struct store {
    pthread_mutex_t index_mu, journal_mu, cache_mu;
    int nindex, njournal, ncache;
};

static struct store st = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
                           PTHREAD_MUTEX_INITIALIZER, 0, 0, 0 };

static void journal_append(struct store *s)
{
    pthread_mutex_lock(&s->journal_mu); // expect: CL008 {{form a cycle}}
    s->njournal++;
    pthread_mutex_unlock(&s->journal_mu);
}

static void cache_drop(struct store *s)
{
    pthread_mutex_lock(&s->cache_mu); // expect: CL008 {{form a cycle}}
    s->ncache--;
    pthread_mutex_unlock(&s->cache_mu);
}

static void index_remove(struct store *s)
{
    pthread_mutex_lock(&s->index_mu); // expect: CL008 {{form a cycle}}
    s->nindex--;
    pthread_mutex_unlock(&s->index_mu);
}

static void *writer(void *arg)
{
    struct store *s = arg;
    pthread_mutex_lock(&s->index_mu);
    s->nindex++;
    journal_append(s);
    pthread_mutex_unlock(&s->index_mu);
    return NULL;
}

static void *syncer(void *arg)
{
    struct store *s = arg;
    pthread_mutex_lock(&s->journal_mu);
    cache_drop(s);
    pthread_mutex_unlock(&s->journal_mu);
    return NULL;
}

static void *evictor(void *arg)
{
    struct store *s = arg;
    pthread_mutex_lock(&s->cache_mu);
    index_remove(s);
    pthread_mutex_unlock(&s->cache_mu);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    pthread_create(&t[0], NULL, writer, &st);
    pthread_create(&t[1], NULL, syncer, &st);
    pthread_create(&t[2], NULL, evictor, &st);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
