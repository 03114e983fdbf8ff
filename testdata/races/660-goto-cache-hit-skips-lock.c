/* Pattern: a lookup cache in a request handler. On a miss the handler
 * takes the table lock to insert; on a hit (a preloaded key) it jumps straight to the
 * accounting code that both paths share, and the unlock after it is
 * guarded by the same test. The accounting update is made with no lock
 * on the hit path.
 * Verdict: racy. Two workers that hit the cache update `hits_total`
 * at the same time with no lock (and a hit races with a miss).
 */
// class: conditional-locking
#include <pthread.h>
#include <string.h>

struct entry { char key[32]; int val; };
static struct entry table[64];
static const char *const preloaded[] = { "alpha", "gamma", "delta" };
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static long hits_total;

static unsigned slot_of(const char *key)
{
    unsigned h = 5381;
    while (*key)
        h = h * 33 + (unsigned char)*key++;
    return h % 64;
}

static int is_preloaded(const char *key)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(preloaded[i], key) == 0)
            return 1;
    return 0;
}

static int lookup(const char *key)
{
    unsigned s = slot_of(key);
    int hit = is_preloaded(key);
    if (hit)
        goto account;
    pthread_mutex_lock(&table_lock);
    strncpy(table[s].key, key, sizeof table[s].key - 1);
    table[s].val = (int)s;
account:
    hits_total += hit; // expect: CL002
    if (!hit)
        pthread_mutex_unlock(&table_lock);
    return (int)s;
}

static void *worker(void *arg)
{
    const char *key = arg;
    for (int i = 0; i < 100; i++)
        lookup(key);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_create(&t[0], NULL, worker, "alpha");
    pthread_create(&t[1], NULL, worker, "beta");
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    return (int)(hits_total & 1);
}
