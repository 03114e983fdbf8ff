/* Pattern: an intrusive list link is handed to a thread; a helper gets the
 * enclosing object back with container_of (list_entry) and drops a
 * reference; main takes one at the same time.
 * Verdict: racy. The helper's `it->refs` is `obj.refs`.
 */
#include <pthread.h>
#include <stddef.h>

struct link {
    struct link *next;
};

struct item {
    int refs;
    struct link link;
};

static struct item obj;

static void put(struct link *l)
{
    struct item *it = (struct item *)((char *)l - offsetof(struct item, link));
    it->refs--; // expect: CL002
}

static void *worker(void *arg)
{
    put(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, &obj.link);
    obj.refs++;
    pthread_join(t, NULL);
    return 0;
}
