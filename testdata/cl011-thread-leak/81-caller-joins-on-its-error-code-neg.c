/* CL011 negative, beside 76: the start returns a distinct code when the
 * second thread failed (2), and the caller joins the first thread on that
 * code: the partial start is cleaned up by the one who can tell it.
 */
// class: partial-start
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct link {
    pthread_t rx, tx;
};

static void *rx_main(void *arg) { return arg; }
static void *tx_main(void *arg) { return arg; }

static int link_start(struct link *l)
{
    if (pthread_create(&l->rx, NULL, rx_main, l) != 0)
        return 1;
    if (pthread_create(&l->tx, NULL, tx_main, l) != 0)
        return 2;
    return 0;
}

int main(void)
{
    struct link *l = calloc(1, sizeof *l);
    if (l == NULL)
        return 1;
    int rc = link_start(l);
    if (rc == 2)
        pthread_join(l->rx, NULL);
    if (rc == 0) {
        pthread_join(l->rx, NULL);
        pthread_join(l->tx, NULL);
    }
    free(l);
    return rc;
}
