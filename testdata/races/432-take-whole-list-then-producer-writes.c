/* Pattern: a flusher thread takes the whole pending list at once
 * (`batch = pending; pending = NULL;`) and walks it outside the lock; the
 * logger appends a record and, after unlocking, fills in its length.
 * Verdict: racy. The flusher may have taken the record already and read
 * its length while the logger writes it.
 */
// class: ownership-transfer
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct rec { struct rec *next; int len; char text[32]; };

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rec *pending;
static long flushed;

static void *flusher(void *arg)
{
    (void)arg;
    for (int round = 0; round < 1000; round++) {
        pthread_mutex_lock(&log_lock);
        struct rec *batch = pending;
        pending = NULL;
        pthread_mutex_unlock(&log_lock);
        if (batch != NULL)
            flushed += batch->len; // expect-related: CL002 {{conflicting read of 'batch->len'}}
    }
    return NULL;
}

static void log_line(const char *s, int n)
{
    struct rec *r = malloc(sizeof *r);
    if (r == NULL)
        return;
    snprintf(r->text, sizeof r->text, "%s", s);
    pthread_mutex_lock(&log_lock);
    r->next = pending;
    pending = r;
    pthread_mutex_unlock(&log_lock);
    r->len = n; // expect: CL002 {{races with read in 'flusher'}}
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, flusher, NULL);
    for (int i = 0; i < 10; i++)
        log_line("event", i);
    pthread_join(t, NULL);
    return 0;
}
