/* CL003 negative, modelled on memcached's hash-table expansion thread
 * (assoc.c, assoc_maintenance_thread): each round tries a bucket lock and,
 * when it gets it, moves the bucket's items with a `for (it = head;
 * NULL != it; it = next)` walk (a condition that starts with a macro);
 * only a busy bucket makes it back off with usleep(). The loop does real
 * work on the other iterations, so it is a work loop, not a poll loop
 * (even though it also reads `expanding`, which main clears).
 * (The `NULL != it` condition once made the frontend drop the loop's
 * condition and call the walk endless, which hid the work.)
 */
// expect-none
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

struct item { struct item *next; unsigned hv; };

static pthread_mutex_t bucket_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item *old_table[64], *new_table[128];
static unsigned expand_bucket;
static _Atomic int expanding = 1;        /* cleared by main to stop early */

static void *expander_main(void *arg)
{
    (void)arg;
    for (int n = 0; n < 64 && expanding; n++) {
        if (pthread_mutex_trylock(&bucket_lock) == 0) {
            struct item *it, *next;
            for (it = old_table[expand_bucket]; NULL != it; it = next) {
                next = it->next;
                it->next = new_table[it->hv % 128];
                new_table[it->hv % 128] = it;
            }
            old_table[expand_bucket++] = NULL;
            pthread_mutex_unlock(&bucket_lock);
        } else {
            usleep(10 * 1000);
        }
    }
    return NULL;
}

struct item *lookup(unsigned hv)
{
    pthread_mutex_lock(&bucket_lock);
    struct item *it = new_table[hv % 128];
    pthread_mutex_unlock(&bucket_lock);
    return it;
}

int main(void)
{
    pthread_t expander;
    if (pthread_create(&expander, NULL, expander_main, NULL) != 0)
        return 1;
    struct item *it = lookup(7);
    expanding = 0;
    pthread_join(expander, NULL);
    return it != NULL;
}
