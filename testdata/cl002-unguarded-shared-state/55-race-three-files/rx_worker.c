/* CL002 multi-file negative part. Shared case 55, file 3 of 3: the thread
 * entry. Each rx worker drains its own ring, counting good frames with
 * note_rx_delivered() (locked) and bad ones with note_rx_drop() (drops.c,
 * unlocked). main() fills the rings before the first pthread_create(),
 * starts NRX workers in a constant-bounded loop, and reads both counters
 * only after joining them all, so none of main()'s own accesses race.
 */
// expect-none
#include <stdio.h>
#include "netstats.h"

#define NRX 4
#define RING 1024

struct ring { unsigned short len[RING]; };

void *rx_worker_main(void *arg)
{
    const struct ring *r = arg;
    for (int i = 0; i < RING; i++) {
        if (r->len[i] < MIN_FRAME || r->len[i] > MAX_FRAME)
            note_rx_drop(r->len[i]);
        else
            note_rx_delivered();
    }
    return NULL;
}

int main(void)
{
    static struct ring rings[NRX];
    pthread_t tids[NRX];
    for (int i = 0; i < NRX; i++)
        for (int j = 0; j < RING; j++)
            rings[i].len[j] = (unsigned short)((i * 397 + j * 61) % 1600);
    for (int i = 0; i < NRX; i++)
        pthread_create(&tids[i], NULL, rx_worker_main, &rings[i]);
    for (int i = 0; i < NRX; i++)
        pthread_join(tids[i], NULL);
    printf("delivered %lu, dropped %lu\n", rx_delivered, rx_dropped);
    return 0;
}
