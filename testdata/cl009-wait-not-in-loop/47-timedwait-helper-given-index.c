/* CL009 positive: as 45, but what the helper after the timed wait is given
 * is the ring's own index (`advance(&tail)`): it moves the ring before
 * anything tests it again.
 */
#include <pthread.h>
#include <signal.h>
#include <time.h>

#define NSLOTS 8
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static unsigned head, tail;
static int slots[NSLOTS];
static unsigned long reader_ns, total_ns;
static int stopping;
static volatile sig_atomic_t exiting;

static void on_sigint(int sig)
{
    (void)sig;
    exiting = 1;
}

static void advance(unsigned *index)
{
    *index = (*index + 1) % NSLOTS;
}

static void *reader(void *arg)
{
    pthread_mutex_lock(&mu);
    while (!stopping) {
        unsigned next = (head + 1) % NSLOTS;
        if (next != tail) {
            slots[head] = (int)next;
            head = next;
            reader_ns += 10;
            pthread_cond_signal(&cv);
        }
        pthread_cond_wait(&cv, &mu);
    }
    pthread_mutex_unlock(&mu);
    return arg;
}

int main(void)
{
    pthread_t t;
    long sum = 0;
    signal(SIGINT, on_sigint);
    pthread_mutex_lock(&mu);
    if (pthread_create(&t, NULL, reader, NULL) != 0)
        return 1;
    while (!exiting) {
        if (head == tail) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += 100000000;
            if (ts.tv_nsec >= 1000000000) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000;
            }
            pthread_cond_timedwait(&cv, &mu, &ts); // expect: CL009
        }
        sum += slots[tail];
        advance(&tail);
        pthread_cond_signal(&cv);
    }
    stopping = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return (int)(sum & 1);
}
