/* CL012 positive, two files: the probe thread lives in this file. */
#include <stdio.h>
#include "scan.h"

void *probe_main(void *arg)
{
    const struct target *t = arg;
    printf("probing %s:%d\n", t->host, t->port); // expect-related: CL002
    return NULL;
}
