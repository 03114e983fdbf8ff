/* CL003 positive, sleep hidden in a helper: main starts the index builder,
 * calls settle(), which only sleeps, and then reads `index_entries`, which
 * the builder writes (under index_lock, so no data race). The finding lands
 * on the call of the sleeping helper.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long index_entries;      /* guarded by index_lock */

int next_document(FILE *f);              /* docs.c: 0 on a document, -1 at EOF */

static void settle(void)
{
    sleep(3);                            /* "the builder needs about 2 s" */
}

static void *builder_main(void *arg)
{
    FILE *f = arg;
    while (next_document(f) == 0) {
        pthread_mutex_lock(&index_lock);
        index_entries++;
        pthread_mutex_unlock(&index_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t builder;
    if (pthread_create(&builder, NULL, builder_main, stdin) != 0)
        return 1;
    settle(); // expect: CL003
    pthread_mutex_lock(&index_lock);
    unsigned long n = index_entries;
    pthread_mutex_unlock(&index_lock);
    printf("%lu documents indexed\n", n);
    return 0;
}
