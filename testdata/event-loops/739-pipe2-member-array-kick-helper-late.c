// Shard threads, each with its own libevent base and a wake-up pipe kept
// as a member array (`chan[2]`, filled by pipe2, used in place), kicked
// through a helper that takes the descriptor by value. The owner kicks
// each shard before it sets the shard's route count (the tables are all
// set before the first kick): the read handler
// can read the count while the owner writes it.
#include <event2/event.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define NSHARDS 2

struct shard {
    pthread_t tid;
    struct event_base *base;
    int chan[2];
    int *routes;
    int nroutes;
};

static struct shard shards[NSHARDS];

static void on_kick(evutil_socket_t fd, short what, void *arg)
{
    struct shard *s = arg;
    char c;
    (void)what;
    if (read(fd, &c, 1) != 1)
        return;
    for (int i = 0; i < s->nroutes; i++) // expect: CL002
        s->routes[i]++;
}

static void *shard_main(void *arg)
{
    struct shard *s = arg;
    event_base_dispatch(s->base);
    return NULL;
}

static void kick(int fd)
{
    if (write(fd, "k", 1) != 1)
        abort();
}

int main(void)
{
    for (int i = 0; i < NSHARDS; i++) {
        struct shard *s = &shards[i];
        if (pipe2(s->chan, O_NONBLOCK) != 0)
            return 1;
        s->base = event_base_new();
        event_add(event_new(s->base, s->chan[0], EV_READ | EV_PERSIST, on_kick, s), NULL);
        pthread_create(&s->tid, NULL, shard_main, s);
    }
    for (int i = 0; i < NSHARDS; i++)
        shards[i].routes = calloc(8, sizeof(int));
    for (int i = 0; i < NSHARDS; i++) {
        kick(shards[i].chan[1]);
        shards[i].nroutes = 8;
    }
    for (int i = 0; i < NSHARDS; i++)
        pthread_join(shards[i].tid, NULL);
    return 0;
}
