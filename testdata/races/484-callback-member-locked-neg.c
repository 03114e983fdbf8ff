/* Pattern: heap requests carry a reply callback that takes the stats lock
 * around the shared counter.
 * Verdict: race-free.
 */
// class: function-pointers
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct request {
    int fd;
    void (*reply)(struct request *);
};

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned replies;

static void count_reply(struct request *r)
{
    (void)r;
    pthread_mutex_lock(&stats_lock);
    replies++;
    pthread_mutex_unlock(&stats_lock);
}

static void *serve(void *arg)
{
    struct request *r = arg;
    r->reply(r);
    free(r);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        struct request *r = malloc(sizeof *r);
        if (r == NULL)
            return 1;
        r->fd = i;
        r->reply = count_reply;
        pthread_create(&t[i], NULL, serve, r);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return (int)replies;
}
