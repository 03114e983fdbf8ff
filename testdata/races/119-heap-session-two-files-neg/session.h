// expect-none
#ifndef SESSION_H
#define SESSION_H

#include <pthread.h>

struct session {
    int fd;
    int closing;
    unsigned long bytes;
    pthread_t tid;
};

struct session_ref {
    struct session *s;
    int flags;
};

int session_start(struct session_ref *ref);
void session_stop(struct session_ref *ref);

#endif
