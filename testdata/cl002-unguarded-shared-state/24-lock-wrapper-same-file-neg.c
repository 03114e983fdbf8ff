/* CL002 negative: the lock is taken through wrapper functions
 * (table_lock()/table_unlock(), which check the return code and abort), in
 * the same file. Every access to the session table is between them.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NSLOTS 128
#define NWORKERS 4

struct slot { char id[32]; unsigned long expires; };

static pthread_mutex_t table_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct slot table[NSLOTS];
static unsigned table_used;

static void table_lock(void)
{
    int rc = pthread_mutex_lock(&table_mutex);
    if (rc != 0) {
        fprintf(stderr, "table_lock: error %d\n", rc);
        abort();
    }
}

static void table_unlock(void)
{
    pthread_mutex_unlock(&table_mutex);
}

static int session_add(const char *id, unsigned long expires)
{
    int rc = -1;
    table_lock();
    if (table_used < NSLOTS) {
        snprintf(table[table_used].id, sizeof table[0].id, "%s", id);
        table[table_used].expires = expires;
        table_used++;
        rc = 0;
    }
    table_unlock();
    return rc;
}

static unsigned session_count(void)
{
    table_lock();
    unsigned n = table_used;
    table_unlock();
    return n;
}

static void *login_main(void *arg)
{
    char id[32];
    for (unsigned i = 0; i < 64; i++) {
        snprintf(id, sizeof id, "%s-%u", (const char *)arg, i);
        session_add(id, 3600 + i);
    }
    return NULL;
}

int main(void)
{
    static const char *const realms[NWORKERS] = { "web", "api", "ssh", "ftp" };
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, login_main, (void *)realms[i]);
    printf("%u sessions so far\n", session_count());
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
