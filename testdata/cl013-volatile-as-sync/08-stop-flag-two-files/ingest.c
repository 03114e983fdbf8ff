/* CL013 positive, two files: the reader thread (ingest.c) polls the
 * volatile `quit` member declared in ingest.h; main.c's shutdown path sets
 * it through ingest_stop(). The finding is at the member's declaration in
 * the header; this file holds the read.
 */
#include <unistd.h>

#include "ingest.h"

static void *reader_main(void *arg)
{
    struct ingest *in = arg;
    char buf[512];
    while (!in->quit) { // expect-related: CL013 {{read of 'in->quit' in 'reader_main'}}
        ssize_t n = read(in->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        in->records++;
    }
    return NULL;
}

int ingest_start(struct ingest *in, int fd)
{
    in->fd = fd;
    in->quit = 0;
    return pthread_create(&in->reader, NULL, reader_main, in);
}

void ingest_stop(struct ingest *in)
{
    in->quit = 1; // expect-related: CL013 {{store to 'in->quit' in 'ingest_stop'}}
    pthread_join(in->reader, NULL);
}
