/* CL015 positive: the SIGUSR2 handler dumps counters through a helper
 * that takes the counters' mutex. If the signal interrupts the main loop
 * while it holds that mutex, the handler waits for itself forever. */
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long hits;

static long read_hits(void)
{
    pthread_mutex_lock(&stats_lock);
    long h = hits;
    pthread_mutex_unlock(&stats_lock);
    return h;
}

static void on_dump(int sig)
{
    (void)sig;
    long h = read_hits(); // expect: CL015 {{which calls 'pthread_mutex_lock'}}
    (void)h;
}

int main(void)
{
    signal(SIGUSR2, on_dump);
    for (;;) {
        pthread_mutex_lock(&stats_lock);
        hits++;
        pthread_mutex_unlock(&stats_lock);
        usleep(1000);
    }
}
