/* CL002 negative (spawn wrapper, depth 2; twin of case 16): service_up()
 * passes its start routine to service_spawn(), which passes it on to
 * pthread_create. The sampler and the exporter share `gauge` under
 * `gauge_lock`; the rotator, started through the same two wrappers, is the
 * only writer of `rotations` and runs once. If each call of the wrappers
 * were taken to start every function that goes through them, the rotator
 * would seem to run three times and race with itself.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t gauge_lock = PTHREAD_MUTEX_INITIALIZER;
static double gauge;             /* guarded by gauge_lock */
static unsigned rotations;       /* the rotator's own */

struct service {
    const char *name;
    pthread_t tid;
};

static int service_spawn(pthread_t *tid, void *(*routine)(void *), void *ctx)
{
    return pthread_create(tid, NULL, routine, ctx);
}

static int service_up(struct service *s, void *(*routine)(void *))
{
    int rc = service_spawn(&s->tid, routine, s);
    if (rc != 0)
        fprintf(stderr, "%s: cannot start (%d)\n", s->name, rc);
    return rc;
}

static void *sampler_main(void *ctx)
{
    (void)ctx;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&gauge_lock);
        gauge = (double)clock() / CLOCKS_PER_SEC;
        pthread_mutex_unlock(&gauge_lock);
    }
    return NULL;
}

static void *exporter_main(void *ctx)
{
    const struct service *s = ctx;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&gauge_lock);
        double g = gauge;
        pthread_mutex_unlock(&gauge_lock);
        printf("%s %f\n", s->name, g);
    }
    return NULL;
}

static void *rotator_main(void *ctx)
{
    (void)ctx;
    for (int i = 0; i < 10; i++)
        rotations++;
    return NULL;
}

int main(void)
{
    struct service sampler = { "sampler", 0 }, exporter = { "exporter", 0 },
                   rotator = { "rotator", 0 };
    if (service_up(&sampler, sampler_main) != 0 || service_up(&exporter, exporter_main) != 0 ||
        service_up(&rotator, rotator_main) != 0)
        return 1;
    pthread_join(sampler.tid, NULL);
    pthread_join(exporter.tid, NULL);
    pthread_join(rotator.tid, NULL);
    printf("%u rotations\n", rotations);
    return 0;
}
