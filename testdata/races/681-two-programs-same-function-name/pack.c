/* Program one of a compile database that builds two tools, like
 * mksquashfs and unsquashfs: both define a global `entries` and a
 * function `scan` of external linkage. This one counts the entries it
 * packs, single-threaded.
 */
// expect-none
#include <stdio.h>

int entries;

void scan(const char *dir)
{
    entries++;
    printf("packing %s\n", dir);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        scan(argv[i]);
    return entries == 0;
}
