/* CL005 positive (a session store): the lookup under the store lock jumps
 * to the common `out` label on a miss, but `out` lies after the unlock;
 * the hit path unlocks and falls into the same label.
 */
// class: jump-past-unlock
#include <pthread.h>
#include <string.h>

struct session {
    char id[16];
    int refs;
};

static pthread_mutex_t store_lock = PTHREAD_MUTEX_INITIALIZER;
static struct session store[32];

static int session_ref(const char *id)
{
    int ret = -1;
    pthread_mutex_lock(&store_lock); // expect-related: CL005 {{locked here}}
    int i;
    for (i = 0; i < 32; i++)
        if (strcmp(store[i].id, id) == 0)
            break;
    if (i == 32)
        goto out;
    store[i].refs++;
    ret = 0;
    pthread_mutex_unlock(&store_lock);
out:
    return ret; // expect: CL005 {{'session_ref' returns with 'store_lock' still locked}}
}

static void *client(void *arg)
{
    session_ref(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, client, "abc");
    session_ref("def");
    pthread_join(t, NULL);
    return 0;
}
