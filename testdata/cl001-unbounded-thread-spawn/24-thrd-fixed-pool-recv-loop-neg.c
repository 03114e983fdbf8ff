/* CL001 negative: C11 <threads.h> fixed pool. pool_start() creates NPOOL
 * threads with thrd_create in a constant-bounded loop; the recv loop that
 * runs forever only enqueues messages (mtx_t + cnd_t queue) for the pool.
 */
// expect-none
#include <string.h>
#include <sys/socket.h>
#include <threads.h>

#define NPOOL 4
#define QCAP 64

struct msg { size_t len; char data[512]; };

static mtx_t q_mtx;
static cnd_t q_cnd;
static struct msg queue[QCAP];          /* guarded by q_mtx */
static unsigned q_head, q_len;          /* guarded by q_mtx */

static int pool_main(void *arg)
{
    int out_fd = *(const int *)arg;
    for (;;) {
        struct msg m;
        mtx_lock(&q_mtx);
        while (q_len == 0)
            cnd_wait(&q_cnd, &q_mtx);
        m = queue[q_head];
        q_head = (q_head + 1) % QCAP;
        q_len--;
        mtx_unlock(&q_mtx);
        send(out_fd, m.data, m.len, 0);
    }
    return 0;
}

static int pool_start(const int *out_fd)
{
    thrd_t t;
    for (int i = 0; i < NPOOL; i++) {
        if (thrd_create(&t, pool_main, (void *)out_fd) != thrd_success)
            return -1;
        thrd_detach(t);
    }
    return 0;
}

int relay(int in_fd, const int *out_fd)
{
    mtx_init(&q_mtx, mtx_plain);
    cnd_init(&q_cnd);
    if (pool_start(out_fd) != 0)
        return -1;
    for (;;) {
        struct msg m;
        ssize_t n = recv(in_fd, m.data, sizeof m.data, 0);
        if (n <= 0)
            return 0;
        m.len = (size_t)n;
        mtx_lock(&q_mtx);
        if (q_len < QCAP) {                 /* full: drop, never block */
            queue[(q_head + q_len) % QCAP] = m;
            q_len++;
            cnd_signal(&q_cnd);
        }
        mtx_unlock(&q_mtx);
    }
}
