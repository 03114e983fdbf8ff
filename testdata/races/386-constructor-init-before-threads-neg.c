/* Pattern: a constructor fills the routing table before main() runs; main
 * then starts the workers, which only read it.
 * Verdict: race-free. The constructor's writes come before every
 * pthread_create (the constructor runs on the main thread first).
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define ROUTES 8

static int route_port[ROUTES];
static int nroutes;

static void load_routes(void) __attribute__((constructor));

static void load_routes(void)
{
    for (int i = 0; i < ROUTES; i++)
        route_port[i] = 8000 + i;
    nroutes = ROUTES;
}

static void *worker(void *arg)
{
    long id = (long)arg;
    long sum = 0;
    for (int i = 0; i < nroutes; i++)
        sum += route_port[i] + id;
    return (void *)sum;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    puts("done");
    return 0;
}
