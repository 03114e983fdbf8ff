/* CL007 positive (a watchdog's heartbeat): the trylock is retried a few
 * times with a yield between; when every try failed the loop gives up
 * with `break`, and the code after it writes the heartbeat and unlocks a
 * mutex this thread never got.
 */
// class: trylock-failed-path
#include <pthread.h>
#include <sched.h>
#include <time.h>

static pthread_mutex_t hb_lock = PTHREAD_MUTEX_INITIALIZER;
static long last_beat;

static void heartbeat(void)
{
    int tries = 0;
    while (pthread_mutex_trylock(&hb_lock) != 0) {
        if (++tries == 5)
            break;
        sched_yield();
    }
    last_beat = (long)time(NULL); // expect: CL002
    pthread_mutex_unlock(&hb_lock); // expect: CL007 {{'hb_lock' is unlocked on a path where this thread does not hold it}}
}

static void *beater(void *arg)
{
    heartbeat();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, beater, NULL);
    pthread_create(&b, NULL, beater, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
