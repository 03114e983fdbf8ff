/* Pattern: a record with two separate anonymous unions (a key and a value)
 * and an anonymous struct of counters; one worker writes only the key and
 * the hit counter, the other only the value and the miss counter.
 * Verdict: race-free. Two anonymous unions are two locations, and the
 * members of an anonymous struct are separate locations as in a named one.
 */
// class: anonymous-union
// expect-none
#include <pthread.h>

struct entry {
    union {
        long key_num;
        const char *key_str;
    };
    union {
        long val_num;
        double val_real;
    };
    struct {
        unsigned hits;
        unsigned misses;
    };
};

static struct entry slot;

static void *set_key(void *arg)
{
    slot.key_num = 7;
    slot.hits++;
    return arg;
}

static void *set_value(void *arg)
{
    slot.val_real = 2.5;
    slot.misses++;
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, set_key, NULL);
    pthread_create(&b, NULL, set_value, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return slot.key_str != NULL;
}
