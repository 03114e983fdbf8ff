/* The key-value store whose writers use the journal (see journal.c). */
#include <fcntl.h>
#include <pthread.h>
#include <string.h>

#include "journal.h"

static pthread_mutex_t store_lock = PTHREAD_MUTEX_INITIALIZER;
static struct journal jr;
static char values[64][32];

static int store_put(int k, const char *v)
{
    pthread_mutex_lock(&store_lock);
    strncpy(values[k & 63], v, 31);
    int rc = journal_append(&jr, v, strlen(v));
    if (rc == 0)
        rc = journal_commit(&jr); // expect: CL010 {{'journal_commit' can block for long (it calls 'fdatasync' at journal.c:19) while 'store_lock' is held}}
    pthread_mutex_unlock(&store_lock);
    return rc;
}

static int store_put_batch(const int *ks, const char *const *vs, int n)
{
    int rc = 0;
    pthread_mutex_lock(&store_lock);
    for (int i = 0; i < n && rc == 0; i++) {
        strncpy(values[ks[i] & 63], vs[i], 31);
        rc = journal_append(&jr, vs[i], strlen(vs[i]));
    }
    pthread_mutex_unlock(&store_lock);
    return rc == 0 ? journal_commit(&jr) : rc;
}

static void *writer(void *arg)
{
    (void)arg;
    store_put(1, "one");
    return NULL;
}

static void *batcher(void *arg)
{
    static const int ks[2] = { 2, 3 };
    static const char *const vs[2] = { "two", "three" };
    (void)arg;
    store_put_batch(ks, vs, 2);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    jr.fd = open("store.journal", O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (jr.fd < 0)
        return 1;
    pthread_create(&a, NULL, writer, NULL);
    pthread_create(&b, NULL, batcher, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
