/* CL002 negative (spawn wrapper, depth 1; twin of case 12): the same two
 * log shippers started through start_thread(), which passes its own
 * function-pointer parameter on to pthread_create, but every update of the
 * counters holds `ship_lock`, and main() reads them after joining both.
 * The wrapper is resolved (two shipper threads in the model) and nothing
 * races.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

typedef void *(*start_fn)(void *);

static pthread_mutex_t ship_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long shipped;     /* guarded by ship_lock */
static unsigned long dropped;     /* guarded by ship_lock */

static int start_thread(pthread_t *tid, start_fn fn, void *arg)
{
    int rc = pthread_create(tid, NULL, fn, arg);
    if (rc != 0)
        fprintf(stderr, "start_thread: error %d\n", rc);
    return rc;
}

static void *shipper_main(void *arg)
{
    int batches = *(const int *)arg;
    for (int i = 0; i < batches; i++) {
        pthread_mutex_lock(&ship_lock);
        if (i % 7 == 0)
            dropped++;
        else
            shipped++;
        pthread_mutex_unlock(&ship_lock);
    }
    return NULL;
}

int main(void)
{
    static const int batches = 1000;
    pthread_t a, b;
    if (start_thread(&a, shipper_main, (void *)&batches) != 0)
        return 1;
    if (start_thread(&b, shipper_main, (void *)&batches) != 0)
        return 1;
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu shipped, %lu dropped\n", shipped, dropped);
    return 0;
}
