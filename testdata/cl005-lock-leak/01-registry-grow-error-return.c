/* CL005 positive, shared case 08 (FreeRDP/FreeRDP PR #2789, "missing
 * unlock mutex in error case"): registry_add() takes the registry lock and
 * returns early when growing the slot array fails, with the lock held;
 * every later caller then blocks forever.
 */
#include <pthread.h>
#include <stdlib.h>

struct registry {
    pthread_mutex_t lock;
    void **slots;
    size_t count, cap;
};

int registry_add(struct registry *r, void *item)
{
    pthread_mutex_lock(&r->lock); // expect-related: CL005 {{locked here}}
    if (r->count == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 8;
        void **grown = realloc(r->slots, ncap * sizeof *grown);
        if (grown == NULL)
            return -1; // expect: CL005 {{release 'r->lock' on this path}}
        r->slots = grown;
        r->cap = ncap;
    }
    r->slots[r->count++] = item;
    pthread_mutex_unlock(&r->lock);
    return 0;
}

static struct registry reg = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void *adder(void *arg)
{
    for (int i = 0; i < 1000; i++)
        if (registry_add(&reg, arg) != 0)
            break;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, adder, &a);
    pthread_create(&b, NULL, adder, &b);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
