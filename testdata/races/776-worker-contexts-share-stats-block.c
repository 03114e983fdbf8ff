/* Pattern: an HTTP benchmark starts two client threads, each with its own
 * context struct initialized positionally in main; both contexts carry a
 * pointer to one statistics block, whose request counter the clients
 * bump without a lock.
 * Verdict: racy. `ctx->stats->requests` is the same counter for both
 * threads.
 */
// class: arg-struct-pointers
#include <pthread.h>
#include <stdio.h>

struct stats {
    long requests;
    long errors;
};

struct client_ctx {
    const char *url;
    int conns;
    struct stats *stats;
};

static void *client(void *arg)
{
    struct client_ctx *ctx = arg;
    for (int i = 0; i < ctx->conns; i++)
        ctx->stats->requests++; // expect: CL002
    return NULL;
}

int main(void)
{
    struct stats st = { 0, 0 };
    struct client_ctx c1 = { "http://a/", 100, &st };
    struct client_ctx c2 = { "http://b/", 100, &st };
    pthread_t t1, t2;
    pthread_create(&t1, NULL, client, &c1);
    pthread_create(&t2, NULL, client, &c2);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%ld\n", st.requests);
    return 0;
}
