/* CL011 negative: a thread per connection whose handle lives in a heap
 * object allocated each round and kept in a list, which a reaper walks to
 * join the finished ones (tinyproxy's child list): the next round's spawn
 * writes another object's handle, not this one's (found on tinyproxy).
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct child {
    struct child *next;
    pthread_t thread;
    int fd;
    int done;
};

static struct child *children;
static pthread_mutex_t children_lock = PTHREAD_MUTEX_INITIALIZER;

static void *child_main(void *arg)
{
    struct child *c = arg;
    char buf[128];
    while (recv(c->fd, buf, sizeof buf, 0) > 0)
        ;
    close(c->fd);
    __atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
    return NULL;
}

static void reap(void)
{
    pthread_mutex_lock(&children_lock);
    for (struct child **p = &children; *p != NULL;) {
        struct child *c = *p;
        if (__atomic_load_n(&c->done, __ATOMIC_ACQUIRE)) {
            pthread_join(c->thread, NULL);
            *p = c->next;
            free(c);
        } else {
            p = &c->next;
        }
    }
    pthread_mutex_unlock(&children_lock);
}

void serve(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        reap();
        if (fd < 0)
            continue;
        struct child *c = calloc(1, sizeof *c);
        if (c == NULL) {
            close(fd);
            continue;
        }
        c->fd = fd;
        pthread_mutex_lock(&children_lock);
        c->next = children;
        children = c;
        pthread_mutex_unlock(&children_lock);
        if (pthread_create(&c->thread, NULL, child_main, c) != 0)
            __atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
    }
}
