/* Pattern: a compression pool that starts its helper threads on the
 * entries 1 .. n-1, counting down, and then works as a helper itself on
 * the entry the loop ended at, 0 (the caller is worker zero). Each helper
 * sums the bytes it compressed into its own entry; the caller reads the
 * entries after joining.
 * Verdict: race-free. The down-counting loop stopped at 0, an entry it
 * never gave a thread.
 */
// class: per-thread-slot
#include <pthread.h>
#include <stddef.h>

// expect-none

struct helper {
    pthread_t tid;
    size_t done;
    const unsigned char *in;
    size_t len;
};

static struct helper helpers[16];

static void *compress_part(void *arg)
{
    struct helper *h = arg;
    for (size_t off = 0; off < h->len; off += 512)
        h->done += h->in[off] != 0 ? 512 : 0;
    return NULL;
}

size_t compress_all(const unsigned char *data, size_t len, int n)
{
    int k;
    size_t part = len / (size_t)n, total = 0;
    for (k = n - 1; k > 0; k--) {
        helpers[k].in = data + (size_t)k * part;
        helpers[k].len = part;
        helpers[k].done = 0;
        pthread_create(&helpers[k].tid, NULL, compress_part, &helpers[k]);
    }
    helpers[k].in = data;
    helpers[k].len = part;
    helpers[k].done = 0;
    compress_part(&helpers[k]);
    for (k = 1; k < n; k++)
        pthread_join(helpers[k].tid, NULL);
    for (k = 0; k < n; k++)
        total += helpers[k].done;
    return total;
}
