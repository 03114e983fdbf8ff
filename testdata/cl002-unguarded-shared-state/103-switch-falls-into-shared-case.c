/* CL002 positive: the worker's case has no break and falls through into
 * the next one, which writes `total`; main writes it unlocked at the
 * same time.
 */
// class: constant-arguments
#include <pthread.h>
#include <stdio.h>

enum { ST_FLUSH, ST_ADD, ST_SHOW };
static int pending, total;

static void stat_cmd(int cmd, int v)
{
    switch (cmd) {
    case ST_FLUSH:
        v = pending;
        /* fall through */
    case ST_ADD:
        total += v; // expect: CL002 {{'total'}}
        break;
    case ST_SHOW:
        printf("%d\n", total);
        break;
    }
}

static void *worker(void *arg)
{
    stat_cmd(ST_FLUSH, 0);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    total = 5; // expect-related: CL002
    pthread_join(t, NULL);
    stat_cmd(ST_SHOW, 0);
    return 0;
}
