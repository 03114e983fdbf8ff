/* Pattern: two heap counters published through globals, each with its own
 * lock; one thread updates the second counter under the first one's lock.
 * Verdict: racy. The auditor holds primary->lock while it writes
 * backup->hits; the recorder writes backup->hits under backup->lock. The
 * finding lands on the recorder's write, the auditor's is related.
 */
// class: lock-in-object
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct counter {
    pthread_mutex_t lock;
    long hits;
};
static struct counter *primary, *backup;

static struct counter *counter_new(void)
{
    struct counter *c = calloc(1, sizeof *c);
    if (c == NULL)
        abort();
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

static void *recorder(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&backup->lock);
        backup->hits++; // expect: CL002 {{held here: 'backup->lock'; there: 'primary->lock'}}
        pthread_mutex_unlock(&backup->lock);
    }
    return arg;
}

static void *auditor(void *arg)
{
    for (int i = 0; i < 10; i++) {
        pthread_mutex_lock(&primary->lock);
        primary->hits = 0;
        backup->hits = 0; // expect-related: CL002 {{conflicting write}}
        pthread_mutex_unlock(&primary->lock);
    }
    return arg;
}

int main(void)
{
    primary = counter_new();
    backup = counter_new();
    pthread_t r, a;
    pthread_create(&r, NULL, recorder, NULL);
    pthread_create(&a, NULL, auditor, NULL);
    pthread_join(r, NULL);
    pthread_join(a, NULL);
    printf("%ld %ld\n", primary->hits, backup->hits);
    return 0;
}
