/* The program: start the ingest thread on stdin, stop it after a while. */
// expect-none
#include <stdio.h>
#include <unistd.h>

#include "ingest.h"

int main(void)
{
    static struct ingest in;
    if (ingest_start(&in, 0) != 0)
        return 1;
    sleep(2);
    ingest_stop(&in);
    printf("%lu\n", in.records);
    return 0;
}
