/* CL005 positive (an expiry sweep): each slot is locked in turn, and an
 * empty slot is skipped with `continue` before the unlock at the end of
 * the body: the next round locks the mutex again, and a skip in the last
 * round returns holding it.
 */
// class: jump-past-unlock
#include <pthread.h>
#include <time.h>

struct slot {
    long expires;
    int used;
};

static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static struct slot slots[64];

static int expire_slots(long now)
{
    int n = 0;
    for (int i = 0; i < 64; i++) {
        pthread_mutex_lock(&slots_lock); // expect-related: CL005 {{locked here}}
        if (!slots[i].used)
            continue;
        if (slots[i].expires < now) {
            slots[i].used = 0;
            n++;
        }
        pthread_mutex_unlock(&slots_lock);
    }
    return n; // expect: CL005 {{'expire_slots' returns with 'slots_lock' still locked}}
}

static void *sweeper(void *arg)
{
    expire_slots((long)time(NULL));
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, sweeper, NULL);
    expire_slots(0);
    pthread_join(t, NULL);
    return 0;
}
