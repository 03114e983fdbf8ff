/* Pattern: 694's module, but the start loop stops early, with `break`,
 * once it has started the receiver of the primary socket, and the creator
 * then runs a receiver itself on `&wrkr_info[i]`: the entry the loop
 * ended at, which after a `break` is the one it just gave a thread.
 * Verdict: racy. On the `break` path the creator and the primary's thread
 * count calls in the same entry at once.
 */
// class: per-thread-slot
#include <pthread.h>
#include <sys/socket.h>

#define MAX_WRKR 8

struct wrkr_info {
    pthread_t tid;
    int sock;
    int primary;
    unsigned long calls;
};

static struct wrkr_info wrkr_info[MAX_WRKR];
static int wrkr_max = 4;

static void *receiver(void *arg)
{
    struct wrkr_info *w = arg;
    char buf[2048];
    for (;;) {
        w->calls++; // expect: CL002
        if (recv(w->sock, buf, sizeof buf, 0) <= 0)
            break;
    }
    return NULL;
}

int main(void)
{
    int i, sock = socket(AF_INET, SOCK_DGRAM, 0);
    if (sock < 0)
        return 1;
    wrkr_info[1].primary = 1;
    for (i = 0; i < wrkr_max - 1; ++i) {
        wrkr_info[i].sock = sock;
        pthread_create(&wrkr_info[i].tid, NULL, receiver, &wrkr_info[i]);
        if (wrkr_info[i].primary)
            break;
    }
    receiver(&wrkr_info[i]);
    for (int j = 0; j < wrkr_max - 1; ++j)
        pthread_join(wrkr_info[j].tid, NULL);
    return 0;
}
