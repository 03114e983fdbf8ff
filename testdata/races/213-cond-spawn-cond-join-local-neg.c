/* Pattern: the same, with a local flag computed once from the
 * environment, and C11 threads.
 * Verdict: race-free. `use_bg` never changes after its initialization: the
 * background checksum thread is joined whenever it was started, before
 * main reads `checksum`.
 */
// class: correlated-spawn-join
// expect-none
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

static unsigned checksum;
static unsigned char data[256];

static int checksum_main(void *arg)
{
    for (int i = 0; i < 256; i++)
        checksum = checksum * 31 + data[i];
    return arg != NULL;
}

int main(void)
{
    thrd_t bg;
    const int use_bg = getenv("BG_CHECKSUM") != NULL;
    for (int i = 0; i < 256; i++)
        data[i] = (unsigned char)i;
    if (use_bg)
        thrd_create(&bg, checksum_main, NULL);
    puts("working");
    if (use_bg)
        thrd_join(bg, NULL);
    else
        checksum_main(NULL);
    printf("%u\n", checksum);
    return 0;
}
