/* Pattern: 667's watchdog with the usual fix: when the deadline passes
 * the loop takes the blocking lock before it breaks out.
 * Verdict: race-free. Both ways out of the loop hold hb.lock.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <time.h>
#include <unistd.h>

struct heartbeat { pthread_mutex_t lock; time_t last_seen; long beats; };
static struct heartbeat hb = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };

static void beat(void)
{
    time_t deadline = time(NULL) + 2;
    for (;;) {
        if (pthread_mutex_trylock(&hb.lock) == 0)
            break;
        if (time(NULL) >= deadline) {
            pthread_mutex_lock(&hb.lock);
            break;
        }
        usleep(1000);
    }
    hb.last_seen = time(NULL);
    hb.beats++;
    pthread_mutex_unlock(&hb.lock);
}

static void *watchdog(void *arg)
{
    for (int i = 0; i < 100; i++)
        beat();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, watchdog, NULL);
    pthread_create(&b, NULL, watchdog, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(hb.beats & 1);
}
