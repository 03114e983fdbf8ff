/* CL003 negative: the loader signals "initial data loaded" with sem_post()
 * and main waits with sem_wait(): a real handshake, no sleep. main reads the
 * loaded count under the lock the loader writes it with.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t loaded;
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned table_rows;              /* guarded by table_lock */

int read_row(FILE *f);                   /* csv.c: 0 on a row, -1 at EOF */

static void *loader_main(void *arg)
{
    FILE *f = arg;
    while (read_row(f) == 0) {
        pthread_mutex_lock(&table_lock);
        table_rows++;
        pthread_mutex_unlock(&table_lock);
    }
    sem_post(&loaded);
    return NULL;
}

int main(void)
{
    pthread_t loader;
    sem_init(&loaded, 0, 0);
    if (pthread_create(&loader, NULL, loader_main, stdin) != 0)
        return 1;
    sem_wait(&loaded);
    pthread_mutex_lock(&table_lock);
    printf("%u rows loaded\n", table_rows);
    pthread_mutex_unlock(&table_lock);
    pthread_join(loader, NULL);
    return 0;
}
