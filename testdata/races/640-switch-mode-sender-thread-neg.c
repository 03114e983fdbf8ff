/* Pattern: a command-line publisher reads its mode from the options.
 * In line mode it starts a sender thread and keeps reading lines on the
 * main thread; in the other modes it sends from main alone. The sender's
 * completion handler dispatches on the mode with a switch, and only the
 * case for the other modes touches the repeat state main updates.
 * Verdict: race-free. The sender runs only in line mode, where its switch
 * takes the MODE_LINE case; the repeat counters are shared with main only
 * in modes that start no thread.
 */
// class: mode-global-fields
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum pub_mode { MODE_CMD, MODE_FILE, MODE_LINE, MODE_NULL };

struct options {
    enum pub_mode mode;
    int repeat;
};

static struct options cfg;
static int repeat_left;
static int lines_acked;
static pthread_mutex_t ack_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_sent(int id)
{
    (void)id;
    switch (cfg.mode) {
    case MODE_LINE:
        pthread_mutex_lock(&ack_lock);
        lines_acked++;
        pthread_mutex_unlock(&ack_lock);
        break;
    case MODE_CMD:
    case MODE_FILE:
        repeat_left--;
        break;
    default:
        break;
    }
}

static void *sender(void *arg)
{
    (void)arg;
    for (int id = 0; id < 100; id++)
        on_sent(id);
    return NULL;
}

static void send_other(void)
{
    for (repeat_left = cfg.repeat; repeat_left > 0;)
        on_sent(0);
}

int main(int argc, char **argv)
{
    cfg.mode = argc > 1 && strcmp(argv[1], "-l") == 0 ? MODE_LINE : MODE_CMD;
    cfg.repeat = argc;
    if (cfg.mode == MODE_LINE) {
        pthread_t t;
        char buf[128];
        pthread_create(&t, NULL, sender, NULL);
        while (fgets(buf, sizeof buf, stdin) != NULL)
            repeat_left = 1;
        pthread_join(t, NULL);
    } else {
        send_other();
    }
    return 0;
}
