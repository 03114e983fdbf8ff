/* The server: starts the logger, then logs each request line. */
// expect-none
#include <stdio.h>

#include "log.h"

int main(void)
{
    char line[256];
    if (log_start() != 0)
        return 1;
    while (fgets(line, sizeof line, stdin) != NULL)
        log_line(line);
    return 0;
}
