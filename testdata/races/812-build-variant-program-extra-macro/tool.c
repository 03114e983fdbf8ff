/* The tool: the same module without threads; its update races with
 * nothing. */
// expect-none
#include <stdio.h>

#include "cache.h"

int main(int argc, char **argv)
{
    (void)argv;
    if (cache_start() != 0)
        return 1;
    cache_entries += argc;
    printf("%s %ld\n", PROGRAM_NAME, cache_entries);
    return 0;
}
