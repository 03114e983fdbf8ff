/* CL002 positive, two root causes by thread pair: the sampler thread's
 * publish() writes both fields of `gauge` unlocked; the display thread
 * reads only `gauge.value`, the alarm thread only `gauge.limit`, each
 * under a lock of its own. The same function and object, but each race
 * involves a different other thread (a different reader to fix as well):
 * two findings.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t display_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t alarm_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    double value;
    double limit;
} gauge;

static void publish(double v, double l)
{
    gauge.value = v; // expect: CL002 {{write to 'gauge.value' in 'publish' races with read in 'display_main'}}
    gauge.limit = l; // expect: CL002 {{write to 'gauge.limit' in 'publish' races with read in 'alarm_main'}}
}

static void *sampler_main(void *arg)
{
    (void)arg;
    for (int k = 0; k < 10; k++)
        publish(k * 1.5, 10.0);
    return NULL;
}

static void *display_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&display_lock);
    printf("%f\n", gauge.value);
    pthread_mutex_unlock(&display_lock);
    return NULL;
}

static void *alarm_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&alarm_lock);
    int over = gauge.limit < 0;
    pthread_mutex_unlock(&alarm_lock);
    return over ? arg : NULL;
}

int main(void)
{
    pthread_t s, d, a;
    pthread_create(&s, NULL, sampler_main, NULL);
    pthread_create(&d, NULL, display_main, NULL);
    pthread_create(&a, NULL, alarm_main, NULL);
    pthread_join(s, NULL);
    pthread_join(d, NULL);
    pthread_join(a, NULL);
    return 0;
}
