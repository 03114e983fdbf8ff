/* CL008 negative (a bucket array scanned in order): the scanner holds
 * bucket i's lock while it takes bucket i + 1's, always ascending, and so
 * does the second scanner: every thread takes the locks in index order.
 */
// expect-none
#include <pthread.h>

#define NBUCKETS 64

static pthread_mutex_t bucket_lock[NBUCKETS];
static int bucket_len[NBUCKETS];

static void *scanner(void *arg)
{
    long *moved = arg;
    pthread_mutex_lock(&bucket_lock[0]);
    for (int i = 0; i + 1 < NBUCKETS; i++) {
        pthread_mutex_lock(&bucket_lock[i + 1]);
        if (bucket_len[i] > bucket_len[i + 1] + 1) {
            bucket_len[i]--;
            bucket_len[i + 1]++;
            (*moved)++;
        }
        pthread_mutex_unlock(&bucket_lock[i]);
    }
    pthread_mutex_unlock(&bucket_lock[NBUCKETS - 1]);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    long ma = 0, mb = 0;
    for (int i = 0; i < NBUCKETS; i++)
        pthread_mutex_init(&bucket_lock[i], NULL);
    pthread_create(&a, NULL, scanner, &ma);
    pthread_create(&b, NULL, scanner, &mb);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(ma + mb) & 1;
}
