/* Pattern: memcpy into a struct field through a helper, C11 threads.
 * Verdict: racy. Every session thread copies its greeting into the shared
 * connection's buffer through put_line(), which takes no lock, while the
 * same threads read the buffer under `c->lock`: the copy is a write of
 * c->buf that no lock guards.
 */
// class: library-accesses
#include <stdio.h>
#include <string.h>
#include <threads.h>

struct conn {
    mtx_t lock;
    char buf[64];
    size_t len;
};

static struct conn shared_conn;

static void put_line(struct conn *c, const char *text, size_t n)
{
    memcpy(c->buf, text, n); // expect: CL002 {{write to 'c->buf'}}
}

static int session(void *arg)
{
    struct conn *c = arg;
    put_line(c, "hello", 6);
    mtx_lock(&c->lock);
    char first = c->buf[0];
    mtx_unlock(&c->lock);
    return first;
}

int main(void)
{
    thrd_t t[3];
    mtx_init(&shared_conn.lock, mtx_plain);
    for (int i = 0; i < 3; i++)
        thrd_create(&t[i], session, &shared_conn);
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], NULL);
    puts(shared_conn.buf);
    return 0;
}
