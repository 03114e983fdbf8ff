/* Pattern: as in 640, a publisher starts its sender thread in line mode
 * only and the completion handler switches on the mode; here the
 * MODE_LINE case counts acknowledged lines in a plain int that the main
 * thread reads to decide when it may stop.
 * Verdict: racy. The line-mode case runs on the sender thread while main
 * reads lines_acked with no lock.
 */
// class: mode-global-fields
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

static void on_sent(int id)
{
    (void)id;
    switch (cfg.mode) {
    case MODE_LINE:
        lines_acked++; // expect: CL002 {{races with read in 'main'}}
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

int main(int argc, char **argv)
{
    cfg.mode = argc > 1 && strcmp(argv[1], "-l") == 0 ? MODE_LINE : MODE_CMD;
    cfg.repeat = argc;
    if (cfg.mode == MODE_LINE) {
        pthread_t t;
        int sent = 0;
        char buf[128];
        pthread_create(&t, NULL, sender, NULL);
        while (fgets(buf, sizeof buf, stdin) != NULL && lines_acked + 8 > sent) // expect-related: CL002
            sent++;
        pthread_join(t, NULL);
    } else {
        for (repeat_left = cfg.repeat; repeat_left > 0;)
            on_sent(0);
    }
    return 0;
}
