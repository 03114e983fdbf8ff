/* Pattern: a `for (;;)` trylock loop with a deadline, as in a watchdog
 * that must not block: when the deadline passes it breaks out and goes
 * on to update the shared heartbeat anyway, and unlocks.
 * Verdict: racy. After a timeout the update of `hb.last_seen` runs with
 * no lock while the other thread holds hb.lock (and the unlock releases
 * a mutex this thread does not hold).
 */
// class: conditional-locking
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
        if (time(NULL) >= deadline)
            break;
        usleep(1000);
    }
    hb.last_seen = time(NULL); // expect: CL002
    pthread_mutex_unlock(&hb.lock); // expect: CL007
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
    return (int)(hb.last_seen & 1);
}
