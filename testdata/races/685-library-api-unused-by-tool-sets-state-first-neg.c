/* Race-free twin of 684. Pattern: a library and a command-line tool built from one compile
 * database (libunbound and unbound-host): the tool's main() uses the
 * synchronous call only, while the library's asynchronous API, which no
 * code of the program calls, starts a background resolver through two
 * levels of spawn wrappers. The API is walked as an entry point called
 * from outside the program.
 * Verdict: race-free. resolve_async() marks the request queued before it
 * starts the worker, and reads the state afterwards under the request's
 * lock, which the worker holds when it writes it.
 */
// class: unresolved-entry
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// expect-none

struct request {
    pthread_mutex_t lock;
    char name[256];
    int state; /* 0 new, 1 queued, 2 done */
    int answer;
};

typedef void *(*start_fn)(void *);

static int start_detached(start_fn fn, void *arg)
{
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&t, &attr, fn, arg);
    pthread_attr_destroy(&attr);
    return rc;
}

static int start_background(start_fn fn, void *arg)
{
    return start_detached(fn, arg);
}

static int lookup(const char *name)
{
    return (int)strlen(name);
}

static void *resolver(void *arg)
{
    struct request *r = arg;
    int a = lookup(r->name);
    pthread_mutex_lock(&r->lock);
    r->answer = a;
    r->state = 2;
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

int resolve_async(struct request *r)
{
    r->state = 1;
    if (start_background(resolver, r) != 0)
        return -1;
    pthread_mutex_lock(&r->lock);
    int done = r->state == 2;
    pthread_mutex_unlock(&r->lock);
    return done;
}

int resolve_sync(const char *name)
{
    return lookup(name);
}

int main(int argc, char **argv)
{
    return argc > 1 ? resolve_sync(argv[1]) : 0;
}
