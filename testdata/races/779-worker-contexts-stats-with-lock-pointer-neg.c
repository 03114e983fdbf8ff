/* Pattern: two client threads get context structs initialized in main
 * that carry pointers to one statistics block and to the mutex guarding
 * it; the clients bump the counter holding that mutex.
 * Verdict: race-free. Both contexts point to the same mutex, held around
 * every update of the shared counter.
 */
// expect-none
// class: arg-struct-pointers
#include <pthread.h>
#include <stdio.h>

struct stats {
    long requests;
};

struct client_ctx {
    const char *url;
    struct stats *stats;
    pthread_mutex_t *stats_lock;
};

static void *client(void *arg)
{
    struct client_ctx *ctx = arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(ctx->stats_lock);
        ctx->stats->requests++;
        pthread_mutex_unlock(ctx->stats_lock);
    }
    return NULL;
}

int main(void)
{
    struct stats st = { 0 };
    pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    struct client_ctx c1 = { "http://a/", &st, &mu };
    struct client_ctx c2 = { "http://b/", &st, &mu };
    pthread_t t1, t2;
    pthread_create(&t1, NULL, client, &c1);
    pthread_create(&t2, NULL, client, &c2);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%ld\n", st.requests);
    return 0;
}
