/* CL011 negative: tinyproxy's shape. Each accepted connection gets a child
 * record allocated in the loop and appended to a generic growable array
 * (which copies the item it is given the address of); its
 * thread handle lives in the record. A reaper joins the finished children
 * through the array. The next round's spawn writes the next record's
 * handle, not this one's (found on tinyproxy 1.11: a false "overwritten
 * handle").
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct child {
    pthread_t thread;
    int fd;
    int done;
};

static struct child **kids;
static size_t nkids, capkids;

static int kids_add(void *item)
{
    if (nkids == capkids) {
        size_t cap = capkids ? capkids * 2 : 16;
        struct child **v = realloc(kids, cap * sizeof *v);
        if (v == NULL)
            return 0;
        kids = v;
        capkids = cap;
    }
    memcpy(&kids[nkids++], item, sizeof kids[0]); /* a generic list copies the item */
    return 1;
}

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
    for (size_t i = 0; i < nkids;) {
        if (__atomic_load_n(&kids[i]->done, __ATOMIC_ACQUIRE)) {
            pthread_join(kids[i]->thread, NULL);
            free(kids[i]);
            kids[i] = kids[--nkids];
        } else {
            i++;
        }
    }
}

void serve(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        reap();
        if (fd < 0)
            continue;
        struct child *c = calloc(1, sizeof *c);
        if (c == NULL || !kids_add(&c)) {
            free(c);
            close(fd);
            continue;
        }
        c->fd = fd;
        if (pthread_create(&c->thread, NULL, child_main, c) != 0)
            __atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
    }
}
