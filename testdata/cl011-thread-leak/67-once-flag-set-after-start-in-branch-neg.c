/* CL011 negative: the config reloader is started on the first SIGHUP seen
 * by the main loop of a daemon function; the branch tests and then sets
 * the `reloader_up` member of a global state struct after the start
 * succeeded. One start at most; shutdown joins it.
 */
// expect-none
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t got_hup;
static struct {
    int reloader_up;
    pthread_t reloader;
} daemon_st;

static void *reload(void *arg)
{
    return arg;
}

void daemon_loop(void)
{
    while (pause() == -1) {
        if (got_hup && !daemon_st.reloader_up) {
            if (pthread_create(&daemon_st.reloader, NULL, reload, NULL) == 0)
                daemon_st.reloader_up = 1;
        }
        got_hup = 0;
    }
    if (daemon_st.reloader_up)
        pthread_join(daemon_st.reloader, NULL);
}
