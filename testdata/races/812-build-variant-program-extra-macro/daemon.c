/* The daemon: starts the cache (with its evictor), then adds entries. */
// expect-none
#include <stdio.h>

#include "cache.h"

int main(void)
{
    if (cache_start() != 0)
        return 1;
    while (getchar() != EOF)
        cache_entries++;
    puts(PROGRAM_NAME);
    return 0;
}
