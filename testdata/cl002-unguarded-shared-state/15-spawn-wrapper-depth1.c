/* CL002 positive (spawn wrapper, depth 1): the request workers are started
 * only through start_thread(), a helper that passes its own function-pointer
 * parameter on to pthread_create. Each call of the wrapper is a spawn of
 * the function it is given: two log shippers run at once and both bump
 * `shipped` without `ship_lock`. Without the wrapper resolved, the model has
 * only the main thread and nothing races.
 */
#include <pthread.h>
#include <stdio.h>

typedef void *(*start_fn)(void *);

static pthread_mutex_t ship_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long shipped;
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
        if (i % 7 == 0) {
            pthread_mutex_lock(&ship_lock);
            dropped++;
            pthread_mutex_unlock(&ship_lock);
            continue;
        }
        shipped++; // expect: CL002 {{races with itself}}
        // expect-flow@-1: CL002 {{thread 'shipper_main'}}
    }
    return NULL;
}

int main(void)
{
    static const int batches = 1000;
    pthread_t a, b;
    if (start_thread(&a, shipper_main, (void *)&batches) != 0) // expect-related: CL002 {{thread 'shipper_main' started here}}
        return 1;
    if (start_thread(&b, shipper_main, (void *)&batches) != 0)
        return 1;
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu shipped, %lu dropped\n", shipped, dropped);
    return 0;
}
