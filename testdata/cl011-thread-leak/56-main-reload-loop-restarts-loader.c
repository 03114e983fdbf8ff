/* CL011 positive (a daemon's main loop): on every reload signal main
 * starts a new loader thread into the same handle without joining the
 * previous one; only the last loader is joined at shutdown, the earlier
 * ones are neither joined nor detached. A known miss: in main a spawn
 * under an `if` is not judged (`if (!started) spawn` starts once, and
 * the handle walk does not follow the flag).
 */
// class: handle-overwritten-in-main
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t reload_requested, stop_requested;
static int config_gen;

static void *load_config(void *arg)
{
    __atomic_add_fetch(&config_gen, 1, __ATOMIC_RELAXED);
    return arg;
}

static void on_hup(int sig)
{
    (void)sig;
    reload_requested = 1;
}

int main(void)
{
    pthread_t loader;
    signal(SIGHUP, on_hup);
    if (pthread_create(&loader, NULL, load_config, NULL) != 0)
        return 1;
    while (!stop_requested) {
        pause();
        if (reload_requested) {
            reload_requested = 0;
            pthread_create(&loader, NULL, load_config, NULL); // expect-todo: CL011
        }
    }
    pthread_join(loader, NULL);
    return 0;
}
