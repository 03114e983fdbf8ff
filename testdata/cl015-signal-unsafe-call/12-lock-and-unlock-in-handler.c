/* CL015 positive, after rsyslog's SIGHUP handler: the handler sets the
 * reload flag under a mutex the main loop also takes. A signal landing
 * while the main loop holds the mutex deadlocks the process. One finding
 * at the lock (the unlock is the same defect). */
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static pthread_mutex_t hup_lock = PTHREAD_MUTEX_INITIALIZER;
static int had_hup;

static void on_hup(int sig)
{
    (void)sig;
    pthread_mutex_lock(&hup_lock); // expect: CL015 {{signal handler 'on_hup' calls 'pthread_mutex_lock', which is not async-signal-safe}}
    had_hup = 1;
    pthread_mutex_unlock(&hup_lock);
}

int main(void)
{
    signal(SIGHUP, on_hup);
    for (;;) {
        pthread_mutex_lock(&hup_lock);
        int reload = had_hup;
        had_hup = 0;
        pthread_mutex_unlock(&hup_lock);
        if (!reload)
            pause();
    }
}
