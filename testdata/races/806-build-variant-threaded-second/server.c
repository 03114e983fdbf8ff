/* The server: starts the statistics module, then counts requests. */
// expect-none
#include <stdio.h>

#include "stats.h"

int main(void)
{
    if (stats_start() != 0)
        return 1;
    int c;
    while ((c = getchar()) != EOF)
        if (c == '\n')
            stats_hit();
    return 0;
}
