/* CL009 negative: 45 with everything in one global struct, as dump1090
 * keeps it (`Modes`): the helper after the timed wait is given members of
 * the struct the test also reads, but not the ones it tests
 * (`&ring.reader_ns`, not `&ring.head`), and the ring is tested again
 * before a slot is taken.
 */
// expect-none
#include <pthread.h>
#include <signal.h>
#include <time.h>

#define NSLOTS 8
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static struct ring_state {
    unsigned head, tail;
    int slots[NSLOTS];
    unsigned long reader_ns, total_ns;
} ring;
static int stopping;
static volatile sig_atomic_t exiting;

static void on_sigint(int sig)
{
    (void)sig;
    exiting = 1;
}

static void account(unsigned long *from, unsigned long *to)
{
    *to += *from;
    *from = 0;
}

static void *reader(void *arg)
{
    pthread_mutex_lock(&mu);
    while (!stopping) {
        unsigned next = (ring.head + 1) % NSLOTS;
        if (next != ring.tail) {
            ring.slots[ring.head] = (int)next;
            ring.head = next;
            ring.reader_ns += 10;
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
        if (ring.head == ring.tail) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += 100000000;
            if (ts.tv_nsec >= 1000000000) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000;
            }
            pthread_cond_timedwait(&cv, &mu, &ts);
        }
        account(&ring.reader_ns, &ring.total_ns);
        if (ring.head != ring.tail) {
            sum += ring.slots[ring.tail];
            ring.tail = (ring.tail + 1) % NSLOTS;
            pthread_cond_signal(&cv);
        }
    }
    stopping = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return (int)(sum & 1);
}
