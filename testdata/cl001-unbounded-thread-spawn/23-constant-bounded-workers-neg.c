/* CL001 negative: a batch checksummer starts NWORKERS threads in a
 * constant-bounded loop and joins them. Each thread gets its own slice by
 * &slices[i]; the spawn count is known at compile time.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#define NWORKERS 8

struct slice {
    const unsigned char *data;
    size_t len;
    uint32_t sum;
};

static void *sum_slice(void *arg)
{
    struct slice *s = arg;
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < s->len; i++) {
        a = (a + s->data[i]) % 65521;
        b = (b + a) % 65521;
    }
    s->sum = (b << 16) | a;
    return NULL;
}

uint32_t parallel_checksum(const unsigned char *data, size_t len)
{
    struct slice slices[NWORKERS];
    pthread_t tids[NWORKERS];
    size_t chunk = len / NWORKERS;
    for (int i = 0; i < NWORKERS; i++) {
        slices[i].data = data + (size_t)i * chunk;
        slices[i].len = i == NWORKERS - 1 ? len - (size_t)i * chunk : chunk;
        slices[i].sum = 0;
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, sum_slice, &slices[i]);
    uint32_t total = 0;
    for (int i = 0; i < NWORKERS; i++) {
        pthread_join(tids[i], NULL);
        total ^= slices[i].sum;
    }
    return total;
}
