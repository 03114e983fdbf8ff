/* Pattern: an input module that starts n - 1 receiver threads and runs the
 * n-th receiver on its own thread, on the table entry past the started
 * ones (rsyslog's imudp: "we run one of the workers on our own thread").
 * Each receiver counts its calls and messages in its own entry.
 * Verdict: race-free. The loop gave entries 0 .. n-2 to threads; the
 * creator's entry is the index that ended the loop, n-1, which no thread
 * has.
 */
// class: per-thread-slot
#include <pthread.h>
#include <sys/socket.h>

// expect-none

#define MAX_WRKR 8

struct wrkr_info {
    pthread_t tid;
    int id;
    int sock;
    unsigned long calls, msgs;
};

static struct wrkr_info wrkr_info[MAX_WRKR];
static int wrkr_max = 4;

static void *receiver(void *arg)
{
    struct wrkr_info *w = arg;
    char buf[2048];
    for (;;) {
        w->calls++;
        if (recv(w->sock, buf, sizeof buf, 0) <= 0)
            break;
        w->msgs++;
    }
    return NULL;
}

static void run_input(int sock)
{
    int i;
    for (i = 0; i < wrkr_max - 1; ++i) {
        wrkr_info[i].id = i;
        wrkr_info[i].sock = sock;
        pthread_create(&wrkr_info[i].tid, NULL, receiver, &wrkr_info[i]);
    }
    wrkr_info[i].id = i;
    wrkr_info[i].sock = sock;
    receiver(&wrkr_info[i]);
    for (i = 0; i < wrkr_max - 1; ++i)
        pthread_join(wrkr_info[i].tid, NULL);
}

int main(void)
{
    int sock = socket(AF_INET, SOCK_DGRAM, 0);
    if (sock < 0)
        return 1;
    run_input(sock);
    return 0;
}
