/* CL005 positive (a hash table's slot claim): each bucket is locked in
 * turn while scanned; finding a free slot breaks out of the loop with the
 * bucket's lock held, and nothing after the loop releases it.
 */
// class: jump-past-unlock
#include <pthread.h>
#include <stddef.h>

#define NBUCKETS 16

struct bucket {
    pthread_mutex_t lock;
    int used;
};

static struct bucket table[NBUCKETS];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

static int claim_slot(void)
{
    int slot = -1;
    for (int i = 0; i < NBUCKETS; i++) {
        pthread_mutex_lock(&table_lock); // expect-related: CL005 {{locked here}}
        if (!table[i].used) {
            table[i].used = 1;
            slot = i;
            break;
        }
        pthread_mutex_unlock(&table_lock);
    }
    return slot; // expect: CL005 {{'claim_slot' returns with 'table_lock' still locked}}
}

static void *worker(void *arg)
{
    claim_slot();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
