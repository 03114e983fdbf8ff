/* CL011 positive: a link starts its receive and transmit threads into two
 * members of the link object; when the transmit thread cannot be started
 * the function reports the failure, and the receive thread keeps running
 * with nobody left to join it (the caller frees the link on failure).
 */
// class: partial-start
#include <pthread.h>
#include <stdlib.h>

struct link {
    pthread_t rx, tx;
    int fd;
};

static void *rx_main(void *arg) { return arg; }
static void *tx_main(void *arg) { return arg; }

static int link_start(struct link *l)
{
    if (pthread_create(&l->rx, NULL, rx_main, l) != 0) // expect: CL011
        return -1;
    if (pthread_create(&l->tx, NULL, tx_main, l) != 0)
        return -1;
    return 0;
}

int main(void)
{
    struct link *l = calloc(1, sizeof *l);
    if (l == NULL)
        return 1;
    if (link_start(l) != 0) {
        free(l);
        return 1;
    }
    pthread_join(l->rx, NULL);
    pthread_join(l->tx, NULL);
    free(l);
    return 0;
}
