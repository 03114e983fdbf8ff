/* CL013 positive: a dedicated signal thread takes SIGTERM with sigwait()
 * and sets a `volatile sig_atomic_t` flag that the main loop polls.
 * sig_atomic_t is atomic only with respect to a signal handler on the same
 * thread; here a real thread stores it, so the store and the main loop's
 * read race. (Compare 22-signal-handler-same-thread-neg.c.)
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static void process_batch(unsigned long n)
{
    char line[32];
    int len = snprintf(line, sizeof line, "batch %lu\n", n);
    if (len > 0)
        (void)write(1, line, (size_t)len);
}

static volatile sig_atomic_t g_terminate; // expect: CL013 {{stored in 'signal_thread'}}

static void *signal_thread(void *arg)
{
    sigset_t *set = arg;
    int sig;
    if (sigwait(set, &sig) == 0)
        g_terminate = 1; // expect-related: CL013 {{store to 'g_terminate'}}
    return NULL;
}

int main(void)
{
    static sigset_t set;
    pthread_t t;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    if (pthread_create(&t, NULL, signal_thread, &set) != 0)
        return 1;
    unsigned long ticks = 0;
    while (!g_terminate) { // expect-related: CL013 {{read of 'g_terminate' in 'main'}}
        process_batch(ticks);
        ticks++;
    }
    pthread_join(t, NULL);
    printf("%lu ticks\n", ticks);
    return 0;
}
