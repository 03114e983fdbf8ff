/* Pattern: 694's module, but the creator runs its receiver on the first
 * entry, `&wrkr_info[0]`, which the loop also gave to a thread.
 * Verdict: racy. The creator and the thread started on entry 0 count
 * calls in the same entry at the same time.
 */
// class: per-thread-slot
#include <pthread.h>
#include <sys/socket.h>

#define MAX_WRKR 8

struct wrkr_info {
    pthread_t tid;
    int sock;
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
    for (i = 0; i < wrkr_max - 1; ++i) {
        wrkr_info[i].sock = sock;
        pthread_create(&wrkr_info[i].tid, NULL, receiver, &wrkr_info[i]);
    }
    receiver(&wrkr_info[0]);
    for (i = 0; i < wrkr_max - 1; ++i)
        pthread_join(wrkr_info[i].tid, NULL);
    return 0;
}
