/* The threaded tool: packs its arguments, reporting progress. */
// expect-none
#include <stdio.h>

#include "pack.h"

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (pack_block(argv[i]) != 0)
            return 1;
        printf("%lu\n", pack_progress());
    }
    return 0;
}
