/* Pattern: a reader snapshots a global limits struct by struct copy, and
 * a reloader replaces it wholesale or changes one member; every one of
 * these holds lim_lock.
 * Verdict: race-free: the copies and the member write share the lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: struct-copies
// expect-none

struct limits {
    int max_conn;
    int max_body;
};

static pthread_mutex_t lim_lock = PTHREAD_MUTEX_INITIALIZER;
static struct limits limits = { 64, 4096 };

static void *acceptor(void *arg)
{
    pthread_mutex_lock(&lim_lock);
    struct limits snap = limits;
    pthread_mutex_unlock(&lim_lock);
    printf("%d %d\n", snap.max_conn, snap.max_body);
    return arg;
}

static void reload(const struct limits *fresh)
{
    pthread_mutex_lock(&lim_lock);
    limits = *fresh;
    limits.max_body *= 2;
    pthread_mutex_unlock(&lim_lock);
}

int main(void)
{
    struct limits fresh = { 128, 8192 };
    pthread_t t;
    pthread_create(&t, NULL, acceptor, NULL);
    reload(&fresh);
    pthread_join(t, NULL);
    return 0;
}
