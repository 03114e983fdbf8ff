/* Pattern: a log flusher takes the whole pending list at once (reads the
 * head and sets it to NULL under the lock), then walks, writes and frees
 * the records without the lock while the loggers keep pushing new ones.
 * Verdict: race-free. The detached list belongs to the flusher alone;
 * new records go onto the now-empty shared list.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct rec {
    struct rec *next;
    int level;
    char line[64];
};

static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rec *pending;
static int stop;

static void *logger(void *arg)
{
    int level = (int)(long)arg;
    for (int i = 0; i < 100; i++) {
        struct rec *r = malloc(sizeof *r);
        if (r == NULL)
            break;
        r->level = level;
        snprintf(r->line, sizeof r->line, "event %d", i);
        pthread_mutex_lock(&pending_lock);
        r->next = pending;
        pending = r;
        pthread_mutex_unlock(&pending_lock);
    }
    return NULL;
}

static void *flusher(void *arg)
{
    FILE *out = arg;
    for (;;) {
        pthread_mutex_lock(&pending_lock);
        struct rec *batch = pending;
        pending = NULL;
        int quit = stop;
        pthread_mutex_unlock(&pending_lock);
        while (batch != NULL) {
            struct rec *next = batch->next;
            fprintf(out, "%d %s\n", batch->level, batch->line);
            batch->level = -1;
            free(batch);
            batch = next;
        }
        if (quit)
            return NULL;
    }
}

int main(void)
{
    pthread_t lg[2], fl;
    pthread_create(&fl, NULL, flusher, stdout);
    for (long i = 0; i < 2; i++)
        pthread_create(&lg[i], NULL, logger, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(lg[i], NULL);
    pthread_mutex_lock(&pending_lock);
    stop = 1;
    pthread_mutex_unlock(&pending_lock);
    pthread_join(fl, NULL);
    return 0;
}
