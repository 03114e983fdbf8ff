/* The ingest thread and its stop flag. */
#ifndef INGEST_H
#define INGEST_H
#include <pthread.h>

struct ingest {
    int fd;
    pthread_t reader;
    unsigned long records;
    volatile int quit; // expect: CL013 {{stored in 'ingest_stop' (ingest.c:32) and read in 'reader_main' (ingest.c:14)}}
};

int ingest_start(struct ingest *in, int fd);
void ingest_stop(struct ingest *in);
#endif
