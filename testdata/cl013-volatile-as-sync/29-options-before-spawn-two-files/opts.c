/* CL013 negative, two files: `opt_verbose` is volatile (a debugger pokes
 * it), written only by parse_opts() before any thread starts and read by
 * the workers afterwards: ordered by pthread_create.
 */
// expect-none
#include <string.h>

#include "opts.h"

volatile int opt_verbose;

void parse_opts(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-v") == 0)
            opt_verbose = 1;
}
