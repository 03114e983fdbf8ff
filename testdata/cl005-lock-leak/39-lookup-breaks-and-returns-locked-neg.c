/* CL005 negative (a connection table lookup, the shape of many servers'
 * `find_and_lock`): the scan breaks out with the matching entry's table
 * lock held and returns the entry; every caller that gets an entry
 * unlocks after using it. A lock wrapper, not a leak.
 */
// class: jump-past-unlock
// expect-none
#include <pthread.h>
#include <stddef.h>

struct entry {
    int key;
    int hits;
};

static pthread_mutex_t tab_lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry tab[64];

static struct entry *find_locked(int key)
{
    struct entry *e = NULL;
    for (int i = 0; i < 64; i++) {
        pthread_mutex_lock(&tab_lock);
        if (tab[i].key == key) {
            e = &tab[i];
            break;
        }
        pthread_mutex_unlock(&tab_lock);
    }
    return e;
}

static void *worker(void *arg)
{
    struct entry *e = find_locked(7);
    if (e != NULL) {
        e->hits++;
        pthread_mutex_unlock(&tab_lock);
    }
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
