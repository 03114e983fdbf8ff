/* CL003 positive, one finding: the poll and its sleep share one line
 * (`while (!loaded) usleep(200);`), so the sleep finding's location is also
 * the poll's read. The race on `loaded` between that read and the loader's
 * write is the same defect and is folded into the CL003 finding.
 */
#include <pthread.h>
#include <unistd.h>

static int loaded;

static void *loader(void *arg)
{
    (void)arg;
    loaded = 1;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, loader, NULL);
    while (!loaded) usleep(200); // expect: CL003 {{polls 'loaded'}}
    pthread_join(t, NULL);
    return 0;
}
