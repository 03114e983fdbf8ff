/* Pattern: requests allocated on the heap carry a reply callback, stored
 * by assignment before the request is handed to its thread.
 * Verdict: racy. Every request thread calls count_reply(), which bumps
 * the shared reply counter without a lock.
 */
// class: function-pointers
#include <pthread.h>
#include <stdlib.h>

struct request {
    int fd;
    void (*reply)(struct request *);
};

static unsigned replies;

static void count_reply(struct request *r)
{
    (void)r;
    replies++; // expect: CL002
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
