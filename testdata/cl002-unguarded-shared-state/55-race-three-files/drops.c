/* CL002 positive across three files. Shared case 55, file 2 of 3 (true
 * bug): note_rx_drop() bumps the global rx_dropped (defined in counters.c)
 * without stats_lock. It runs on rx_worker_main() threads (rx_worker.c),
 * which main() starts NRX times, so the increment races with itself. Seeing
 * the race takes all three files: the global, this access, the thread entry.
 */
#include <stdio.h>
#include "netstats.h"

void note_rx_drop(unsigned len)
{
    if (len > MAX_FRAME)
        fprintf(stderr, "rx: dropping oversized %u-byte frame\n", len);
    rx_dropped++; // expect: CL002
}
