/* CL012 positive: an audit logger builds the record on its stack, hands it
 * to a detached thread and returns: the thread formats a dead frame. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct audit_rec {
    char user[32];
    int action;
};

static void *audit_write(void *arg)
{
    const struct audit_rec *r = arg;
    fprintf(stderr, "audit: %s did %d\n", r->user, r->action);
    return NULL;
}

void audit_async(const char *user, int action);
void audit_async(const char *user, int action) // expect-related: CL012 {{returns here without joining 'audit_write'}}
{
    struct audit_rec rec;
    pthread_t tid;
    strncpy(rec.user, user, sizeof rec.user - 1);
    rec.user[sizeof rec.user - 1] = '\0';
    rec.action = action;
    if (pthread_create(&tid, NULL, audit_write, &rec) != 0) // expect: CL012 {{a local of 'audit_async' that returns}}
        return;
    pthread_detach(tid);
}
